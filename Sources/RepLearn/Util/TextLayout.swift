import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Fitting text to a terminal: its width, the visible width of a string, word wrapping, truncation.
public enum TextLayout {
    /// Columns of the terminal on `fd`; when `fd` is not a terminal, `COLUMNS` if set, else 80.
    public static func width(of fd: Int32 = STDOUT_FILENO) -> Int {
        if isatty(fd) != 0 {
            var size = winsize()
            if ioctl(fd, UInt(TIOCGWINSZ), &size) == 0, size.ws_col > 0 { return Int(size.ws_col) }
        }
        if let c = ProcessInfo.processInfo.environment["COLUMNS"].flatMap(Int.init), c > 0 { return c }
        return 80
    }

    /// Visible width: characters, not counting ANSI escape sequences (`ESC [ … m`).
    public static func visibleWidth(_ s: String) -> Int {
        var n = 0, inEscape = false
        for c in s {
            if inEscape { if c.isLetter { inEscape = false }; continue }
            if c == "\u{1B}" { inEscape = true; continue }
            n += 1
        }
        return n
    }

    /// `s` cut to `width` visible characters, ending in "…" when cut (plain text only).
    public static func truncate(_ s: String, _ width: Int) -> String {
        guard s.count > width else { return s }
        return width <= 1 ? String(s.prefix(max(width, 0))) : String(s.prefix(width - 1)) + "…"
    }

    /// `s` padded with spaces (or truncated) to exactly `width` visible characters.
    public static func pad(_ s: String, _ width: Int) -> String {
        let t = truncate(s, width)
        return t + String(repeating: " ", count: max(0, width - visibleWidth(t)))
    }

    /// `left` and `right` on one line of `width`, `left` truncated to make room (at least `minLeft`
    /// characters); `right` goes to its own right-aligned line when both cannot fit.
    public static func justify(_ left: String, _ right: String, width: Int, minLeft: Int = 12) -> [String] {
        let room = width - visibleWidth(right) - 1
        if room >= min(minLeft, left.count) {
            let l = truncate(left, room)
            return [l + String(repeating: " ", count: max(1, width - visibleWidth(l) - visibleWidth(right))) + right]
        }
        return [truncate(left, width), String(repeating: " ", count: max(0, width - visibleWidth(right))) + right]
    }

    /// Word-wraps every line of `text` to `width` visible columns. The first line of each paragraph
    /// starts with `indent`, the lines it wraps onto with `hanging` (default: `indent`). Words longer
    /// than a line are broken. Leading spaces of a line are kept (code, tables), and a line that
    /// fits is not touched.
    public static func wrap(_ text: String, width: Int, indent: String = "", hanging: String? = nil) -> [String] {
        let next = hanging ?? indent
        var out: [String] = []
        for raw in text.split(separator: "\n", omittingEmptySubsequences: false) {
            let lead = String(raw.prefix { $0 == " " })
            let words = raw.split(separator: " ").map(String.init)
            if words.isEmpty { out.append(""); continue }
            // A line that fits is kept as it is (columns aligned with runs of spaces survive).
            if visibleWidth(indent) + visibleWidth(String(raw)) <= width { out.append(indent + raw); continue }
            var line = indent + lead, lineHasWord = false
            let contIndent = next + lead
            for var w in words {
                while true {
                    let sep = lineHasWord ? 1 : 0
                    if visibleWidth(line) + sep + visibleWidth(w) <= width {
                        line += (lineHasWord ? " " : "") + w; lineHasWord = true; break
                    }
                    if lineHasWord { out.append(line); line = contIndent; lineHasWord = false; continue }
                    // A word longer than the whole line: break it.
                    let room = max(1, width - visibleWidth(line))
                    out.append(line + String(w.prefix(room)))
                    w = String(w.dropFirst(room)); line = contIndent
                    if w.isEmpty { break }
                }
            }
            if lineHasWord || line != contIndent { out.append(line) }
        }
        return out
    }
}
