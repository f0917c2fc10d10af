import Course
import RepLearn

/// Lecture 6 over the wire.
enum MAEProbe {
    static func serve(_ m: Method, _ r: inout WireReader, _ w: inout WireWriter, _ impl: any MAEExercises) throws {
        switch m {
        default: throw WireError("\(m) is not a lecture-6 function")
        }
    }
}

/// Lecture 6's protocol, answered by a worker.
public struct RemoteMAE: MAEExercises {
    let link: any Link
    public init(link: any Link) { self.link = link }
}
