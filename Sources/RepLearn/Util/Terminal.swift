import Foundation

/// Plain terminal formatting for the walkthroughs (ANSI styles only when stdout is a terminal).
public enum Terminal {
    public static let isTTY = isatty(STDOUT_FILENO) != 0

    static func style(_ code: String, _ s: String) -> String { isTTY ? "\u{1B}[\(code)m\(s)\u{1B}[0m" : s }
    public static func bold(_ s: String) -> String { style("1", s) }
    public static func dim(_ s: String) -> String { style("2", s) }

    public static func section(_ title: String, index: Int, of total: Int) -> String {
        "\n" + bold("━━ [\(index)/\(total)] \(title) " + String(repeating: "━", count: max(0, 60 - title.count)))
    }

    /// Markdown prose for the terminal: headings bolded, emphasis markers dropped.
    public static func prose(_ text: String) -> String {
        text.split(separator: "\n", omittingEmptySubsequences: false).map { raw -> String in
            let line = String(raw)
            if line.hasPrefix("#") { return bold(line.drop { $0 == "#" || $0 == " " }.description) }
            return line.replacingOccurrences(of: "**", with: "").replacingOccurrences(of: "`", with: "")
        }.joined(separator: "\n")
    }

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
            print("\r" + line + "   ", terminator: step >= total ? "\n" : "")
            fflush(stdout)
        } else {
            let decile = step * 10 / total
            if decile != lastPrinted { lastPrinted = decile; print(line) }
        }
    }
}
