import Foundation

/// Plain terminal formatting for the walkthroughs (ANSI styles only when stdout is a terminal).
public enum Terminal {
    public static let isTTY = isatty(STDOUT_FILENO) != 0

    static func style(_ code: String, _ s: String) -> String { isTTY ? "\u{1B}[\(code)m\(s)\u{1B}[0m" : s }
    public static func bold(_ s: String) -> String { style("1", s) }
    public static func dim(_ s: String) -> String { style("2", s) }

    public static func section(_ title: String, index: Int, of total: Int, width: Int = 80) -> String {
        let head = "━━ [\(index)/\(total)] \(title) "
        let width = min(width, 80)
        return "\n" + bold(TextLayout.truncate(head, width) + String(repeating: "━", count: max(0, width - head.count)))
    }

    /// Markdown prose for the terminal, reflowed to `width`: paragraphs joined and wrapped, list
    /// items with a hanging indent, `> ` block quotes (the notes' "derive it" boxes) behind a bar,
    /// headings bold, code blocks and tables verbatim, and inline
    /// `**strong**`, `*emphasis*` and `` `code` `` rendered (bold, italic, plain; on a terminal)
    /// or reduced to their text (in a log).
    public static func prose(_ text: String, width: Int = 80, styled: Bool = isTTY) -> [String] {
        var out: [String] = [], paragraph: [String] = [], bullet = "", quote = false
        func flush() {
            guard !paragraph.isEmpty else { return }
            let joined = inline(paragraph.joined(separator: " "), styled: styled)
            if quote {
                out += TextLayout.wrap(joined, width: max(width - 2, 20), hanging: "").map { "│ " + $0 }
            } else {
                out += TextLayout.wrap(joined, width: width, hanging: String(repeating: " ", count: bullet.count))
            }
            paragraph = []; bullet = ""; quote = false
        }
        var inFence = false
        for raw in text.split(separator: "\n", omittingEmptySubsequences: false) {
            let line = String(raw)
            let trimmed = line.trimmingCharacters(in: .whitespaces)
            if trimmed.hasPrefix("```") { flush(); inFence.toggle(); continue }
            if inFence { out.append("    " + line); continue }
            if trimmed.isEmpty { flush(); out.append(""); continue }
            if line.hasPrefix("#") {
                flush()
                out.append(style("1", inline(String(line.drop { $0 == "#" || $0 == " " }), styled: false), styled))
                continue
            }
            if line.hasPrefix("|") || line.hasPrefix("    ") || line.hasPrefix("\t") { flush(); out.append(line); continue }
            if trimmed.hasPrefix(">") {
                if !quote { flush(); quote = true }
                let body = trimmed.dropFirst().trimmingCharacters(in: .whitespaces)
                if !body.isEmpty { paragraph.append(body) }
                continue
            }
            if quote { flush() }
            if let marker = listMarker(line) { flush(); bullet = marker; paragraph = [line]; continue }
            paragraph.append(trimmed)
        }
        flush()
        while out.last == "" { out.removeLast() }
        return out
    }

    /// "- ", "* ", "1. " (with its leading spaces) when `line` starts a list item.
    static func listMarker(_ line: String) -> String? {
        let lead = line.prefix { $0 == " " }
        let rest = line.dropFirst(lead.count)
        if rest.hasPrefix("- ") || rest.hasPrefix("* ") { return String(lead) + "- " }
        let digits = rest.prefix { $0.isNumber }
        if !digits.isEmpty, rest.dropFirst(digits.count).hasPrefix(". ") { return String(lead) + String(digits) + ". " }
        return nil
    }

    /// Inline markdown: `**strong**` → bold, `*emphasis*` → italic, `` `code` `` → its text. A `*`
    /// opens emphasis only before a non-space and closes after one (so `a * b` stays).
    public static func inline(_ s: String, styled: Bool) -> String {
        let chars = Array(s)
        var out = "", i = 0
        func closing(_ marker: String, from j: Int) -> Int? {
            let m = Array(marker)
            var k = j
            while k + m.count <= chars.count {
                if Array(chars[k..<k + m.count]) == m, k > j, chars[k - 1] != " " { return k }
                k += 1
            }
            return nil
        }
        while i < chars.count {
            let c = chars[i]
            if c == "`", let end = chars[(i + 1)...].firstIndex(of: "`") {
                out += String(chars[(i + 1)..<end]); i = end + 1; continue
            }
            if c == "*", i + 1 < chars.count, chars[i + 1] == "*", i + 2 < chars.count, chars[i + 2] != " ",
               let end = closing("**", from: i + 2) {
                out += style("1", inline(String(chars[(i + 2)..<end]), styled: styled), styled); i = end + 2; continue
            }
            if c == "*", i + 1 < chars.count, chars[i + 1] != " ", chars[i + 1] != "*", let end = closing("*", from: i + 1) {
                out += style("3", String(chars[(i + 1)..<end]), styled); i = end + 1; continue
            }
            out.append(c); i += 1
        }
        return out
    }

    static func style(_ code: String, _ s: String, _ styled: Bool) -> String { styled ? "\u{1B}[\(code)m\(s)\u{1B}[0m" : s }

    public static func running(_ step: String) -> String { bold("▶ running: \(step)") }
}

/// Prints progress of long work: step, loss, elapsed and ETA. On a terminal it redraws one
/// line; in a log it prints about ten lines per task.
public final class ProgressLine {
    let label: String
    let total: Int
    let start = Date()
    var lastPrinted = -1

    public init(_ label: String, total: Int) { self.label = label; self.total = max(total, 1) }

    public func update(_ step: Int, loss: Double? = nil, extra: String = "") {
        let elapsed = Date().timeIntervalSince(start)
        let eta = step > 0 ? elapsed / Double(step) * Double(total - step) : 0
        var line = "\(label) \(step)/\(total)"
        if let loss { line += String(format: "  loss %.4f", loss) }
        if !extra.isEmpty { line += "  " + extra }
        line += String(format: "  %.1f s, ETA %.1f s", elapsed, eta)
        if Terminal.isTTY {
            // One terminal row, or the carriage return cannot redraw it.
            print("\r" + TextLayout.pad(line, TextLayout.width() - 1), terminator: step >= total ? "\n" : "")
            fflush(stdout)
        } else {
            let decile = step * 10 / total
            if decile != lastPrinted { lastPrinted = decile; print(line); fflush(stdout) }   // a log sees progress as it happens
        }
    }
}
