/// Why a weights file could not be written, read, or matched to a model. The description names
/// the file and says what is wrong, e.g.
/// `weights file run/model.rlwt: truncated while reading parameter "enc.w" (file has 812 bytes, header says 4140)`.
public struct WeightsFileError: Error, CustomStringConvertible, Equatable {
    public enum Kind: Equatable, Sendable {
        /// The file could not be opened or read (missing, permission, …).
        case cannotRead(String)
        /// The file (or its temporary sibling) could not be written or renamed into place.
        case cannotWrite(String)
        /// The first four bytes are not "RLWT".
        case notAWeightsFile(found: [UInt8])
        /// Written by a newer (or unknown) version of the format.
        case unsupportedVersion(UInt32)
        /// The file ends early; `context` says where, e.g. `parameter "enc.w"`.
        case truncated(context: String, fileBytes: Int, expectedBytes: Int)
        /// The file is longer than its header says.
        case trailingBytes(fileBytes: Int, expectedBytes: Int)
        /// The stored CRC-32 disagrees with the bytes: the file was corrupted after writing.
        case checksumMismatch(stored: UInt32, computed: UInt32)
        /// Structure that cannot be right even though the checksum matched (a writer bug).
        case malformed(String)
        /// The same name twice, in a file or in a list given to `save`.
        case duplicateName(String)
        /// A parameter the model wants that the file lacks.
        case missingParameter(String)
        /// A parameter in the file that the model does not have.
        case unexpectedParameter(String)
        /// The file's tensor for `name` has a different shape from the model's.
        case shapeMismatch(name: String, file: [Int], model: [Int])
    }

    /// The path of the file as given.
    public let file: String
    public let kind: Kind

    public init(file: String, _ kind: Kind) { self.file = file; self.kind = kind }

    public var description: String {
        let what: String
        switch kind {
        case .cannotRead(let why): what = "cannot read (\(why))"
        case .cannotWrite(let why): what = "cannot write (\(why))"
        case .notAWeightsFile(let found):
            let shown = found.map { (32..<127).contains($0) ? String(UnicodeScalar($0)) : "\\x" + hex($0) }.joined()
            what = "not a RepLearn weights file (starts with \"\(shown)\", expected \"RLWT\")"
        case .unsupportedVersion(let v):
            what = "unsupported version \(v) (this RepLearn reads version \(WeightsFile.version))"
        case .truncated(let context, let have, let want):
            what = "truncated while reading \(context) (file has \(have) bytes, header says \(want))"
        case .trailingBytes(let have, let want):
            what = "\(have - want) unexpected bytes after the end (file has \(have) bytes, header says \(want))"
        case .checksumMismatch(let stored, let computed):
            what = "checksum mismatch: the file is corrupted (stored CRC-32 \(hex32(stored)), contents give \(hex32(computed)))"
        case .malformed(let why): what = "malformed: \(why)"
        case .duplicateName(let name): what = "parameter \"\(name)\" appears twice"
        case .missingParameter(let name): what = "missing parameter \"\(name)\""
        case .unexpectedParameter(let name): what = "unexpected parameter \"\(name)\" (the model has no parameter of that name)"
        case .shapeMismatch(let name, let file, let model):
            what = "shape mismatch for parameter \"\(name)\": file has \(file), model wants \(model)"
        }
        return "weights file \(file): \(what)"
    }

    private func hex(_ b: UInt8) -> String { (b < 16 ? "0" : "") + String(b, radix: 16) }
    private func hex32(_ v: UInt32) -> String {
        let s = String(v, radix: 16)
        return "0x" + String(repeating: "0", count: 8 - s.count) + s
    }
}
