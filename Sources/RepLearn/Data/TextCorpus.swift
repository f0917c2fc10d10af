import Foundation

/// The bundled English texts and word-evaluation sets (datasets/text, datasets/word-eval).
public enum TextCorpus {
    public static let names = ["austen", "kjv", "shakespeare", "wordnet-glosses"]

    /// The text of a bundled corpus file (gzip, UTF-8).
    public static func text(_ name: String) throws -> String {
        let url = Datasets.folder.appendingPathComponent("text/\(name).txt.gz")
        let bytes = try Gzip.read(url)
        guard let s = String(bytes: bytes, encoding: .utf8) else { throw InputError("\(url.path): not valid UTF-8") }
        return s
    }

    /// One analogy question "a : b :: c : d", in a named section.
    public struct Analogy: Sendable { public let section: String; public let a, b, c, d: String }

    /// questions-words.txt: ": section" lines, then "a b c d" lines; lowercased.
    public static func analogies() throws -> [Analogy] {
        let url = Datasets.folder.appendingPathComponent("word-eval/questions-words.txt")
        guard let text = try? String(contentsOf: url, encoding: .utf8) else { throw InputError("\(url.path): cannot read") }
        var section = "", out: [Analogy] = []
        for (n, raw) in text.split(separator: "\n").enumerated() {
            let line = raw.trimmingCharacters(in: .whitespaces)
            if line.isEmpty { continue }
            if line.hasPrefix(":") { section = line.dropFirst().trimmingCharacters(in: .whitespaces); continue }
            let w = line.lowercased().split(separator: " ").map(String.init)
            guard w.count == 4 else { throw InputError("\(url.path): line \(n + 1) should have 4 words: '\(line)'") }
            out.append(Analogy(section: section, a: w[0], b: w[1], c: w[2], d: w[3]))
        }
        return out
    }

    /// A word-pair similarity set: "word1<TAB>word2<TAB>score", '#' comments.
    public static func similarity(_ file: String) throws -> [(String, String, Double)] {
        let url = Datasets.folder.appendingPathComponent("word-eval/\(file)")
        guard let text = try? String(contentsOf: url, encoding: .utf8) else { throw InputError("\(url.path): cannot read") }
        var out: [(String, String, Double)] = []
        for (n, raw) in text.split(separator: "\n").enumerated() where !raw.hasPrefix("#") && !raw.trimmingCharacters(in: .whitespaces).isEmpty {
            let f = raw.split(whereSeparator: { $0 == "\t" || $0 == " " })
            guard f.count >= 3, let s = Double(f[2]) else { throw InputError("\(url.path): line \(n + 1) is not 'word word score'") }
            out.append((f[0].lowercased(), f[1].lowercased(), s))
        }
        return out
    }
}
