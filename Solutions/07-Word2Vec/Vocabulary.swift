import Course
import RepLearn

// Exercise 7.1 — tokens and vocabulary.
extension ReferenceWord2Vec {
    /// Maximal runs of a–z after ASCII lowercasing; works on UTF-8 bytes for speed.
    public func tokenize(_ text: String) throws -> [String] {
        var tokens: [String] = []
        var current: [UInt8] = []
        for var b in text.utf8 {
            if b >= 65 && b <= 90 { b += 32 }
            if b >= 97 && b <= 122 { current.append(b) } else if !current.isEmpty {
                tokens.append(String(decoding: current, as: UTF8.self)); current.removeAll(keepingCapacity: true)
            }
        }
        if !current.isEmpty { tokens.append(String(decoding: current, as: UTF8.self)) }
        return tokens
    }

    public func buildVocabulary(_ tokens: [String], minCount: Int) throws -> Vocabulary {
        var counts: [String: Int] = [:]
        for t in tokens { counts[t, default: 0] += 1 }
        let kept = counts.filter { $0.value >= minCount }.sorted { $0.value != $1.value ? $0.value > $1.value : $0.key < $1.key }
        return Vocabulary(words: kept.map(\.key), counts: kept.map(\.value))
    }
}
