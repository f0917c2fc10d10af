import Course
import RepLearn

/// Lecture 8 over the wire.
enum ContrastiveProbe {
    static func serve(_ m: Method, _ r: inout WireReader, _ w: inout WireWriter, _ impl: any ContrastiveExercises) throws {
        switch m {
        default: throw WireError("\(m) is not a lecture-8 function")
        }
    }
}

/// Lecture 8's protocol, answered by a worker.
public struct RemoteContrastive: ContrastiveExercises {
    let link: any Link
    public init(link: any Link) { self.link = link }
}
