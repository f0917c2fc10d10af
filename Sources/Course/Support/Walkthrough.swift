/// Lecture notes split for the terminal: `##` headings start sections; a line
/// `<!-- run: STEP -->` runs that experiment step at that point.
public struct Walkthrough {
    public enum Block { case text(String), run(String) }
    public struct Section { public let title: String; public var blocks: [Block] }

    public let sections: [Section]

    public init(markdown: String) {
        var sections: [Section] = []
        var current = Section(title: "Introduction", blocks: [])
        var buffer: [String] = []
        func flushText() {
            let t = buffer.joined(separator: "\n").trimmingCharacters(in: .whitespacesAndNewlines)
            if !t.isEmpty { current.blocks.append(.text(t)) }
            buffer = []
        }
        for raw in markdown.split(separator: "\n", omittingEmptySubsequences: false) {
            let line = String(raw)
            if line.hasPrefix("## ") {
                flushText()
                if !current.blocks.isEmpty { sections.append(current) }
                current = Section(title: String(line.dropFirst(3)), blocks: [])
            } else if line.hasPrefix("# ") && sections.isEmpty && current.blocks.isEmpty {
                current = Section(title: String(line.dropFirst(2)), blocks: [])
            } else if let step = Self.runMarker(line) {
                flushText()
                current.blocks.append(.run(step))
            } else {
                buffer.append(line)
            }
        }
        flushText()
        if !current.blocks.isEmpty { sections.append(current) }
        self.sections = sections
    }

    /// "<!-- run: mapping -->" → "mapping".
    static func runMarker(_ line: String) -> String? {
        let t = line.trimmingCharacters(in: .whitespaces)
        guard t.hasPrefix("<!-- run:"), t.hasSuffix("-->") else { return nil }
        return t.dropFirst(9).dropLast(3).trimmingCharacters(in: .whitespaces)
    }
}

import Foundation
