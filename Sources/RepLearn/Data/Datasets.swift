import Foundation

/// A labelled set of images, one flattened image per row.
public struct LabelledImages {
    /// [n, height·width] in [0, 1].
    public var images: Tensor
    public var labels: [Int]
    public let height: Int
    public let width: Int
    public let name: String

    public init(images: Tensor, labels: [Int], height: Int, width: Int, name: String) {
        self.images = images; self.labels = labels; self.height = height; self.width = width; self.name = name
    }

    /// Rows `range` as a new set (e.g. a train/test split).
    public func slice(_ range: Range<Int>) throws -> LabelledImages {
        LabelledImages(images: try images.gatherRows(Array(range)), labels: Array(labels[range]), height: height, width: width, name: name)
    }

    /// The rows whose label is in `classes`, relabelled 0..<classes.count in that order.
    public func selecting(classes: [Int]) throws -> LabelledImages {
        let idx = labels.indices.filter { classes.contains(labels[$0]) }
        var out = self
        out.images = try images.gatherRows(idx)
        out.labels = idx.map { classes.firstIndex(of: labels[$0])! }
        return out
    }
}

/// Loaders for the bundled data in `datasets/` (see datasets/README.md for sources and licenses).
public enum Datasets {
    public static var folder: URL { ProjectPaths.file("datasets") }

    /// MNIST: split "train" (60,000) or "test" (10,000); `limit` keeps the first rows.
    public static func mnist(_ split: String = "train", limit: Int? = nil) throws -> LabelledImages {
        try idxPair("mnist", "MNIST", split, limit)
    }

    /// An IDX image/label pair `folder/{train,t10k}-{images-idx3,labels-idx1}-ubyte.gz`.
    static func idxPair(_ folderName: String, _ title: String, _ split: String, _ limit: Int?) throws -> LabelledImages {
        let prefix = split == "train" ? "train" : "t10k"
        let img = try IDX.images(folder.appendingPathComponent("\(folderName)/\(prefix)-images-idx3-ubyte.gz"), limit: limit)
        let lab = try IDX.labels(folder.appendingPathComponent("\(folderName)/\(prefix)-labels-idx1-ubyte.gz"), limit: limit)
        guard lab.count == img.pixels.rows else {
            throw InputError("\(title) \(split): \(img.pixels.rows) images but \(lab.count) labels")
        }
        return LabelledImages(images: img.pixels, labels: lab, height: img.height, width: img.width, name: "\(title) \(split)")
    }

    /// Fashion-MNIST (10 clothing classes, 28×28): split "train" (60,000) or "test" (10,000);
    /// `limit` keeps the first rows.
    public static func fashionMNIST(_ split: String = "train", limit: Int? = nil) throws -> LabelledImages {
        try idxPair("fashion-mnist", "Fashion-MNIST", split, limit)
    }

    /// Fashion-MNIST's class names, by label.
    public static let fashionClasses = ["T-shirt/top", "trouser", "pullover", "dress", "coat", "sandal", "shirt", "sneaker", "bag", "ankle boot"]

    /// UCI optical digits, 8×8 pixels with values 0…16 (scaled to [0, 1]), 1,797 images.
    public static func digits() throws -> LabelledImages {
        let url = folder.appendingPathComponent("digits/digits.csv.gz")
        let text = String(decoding: try Gzip.read(url), as: UTF8.self)
        var pixels: [Float] = [], labels: [Int] = []
        for (i, line) in text.split(separator: "\n").enumerated() where !line.isEmpty {
            let fields = line.split(separator: ",")
            guard fields.count == 65, let label = Int(fields[64]), (0...9).contains(label) else {
                throw InputError("\(url.path): line \(i + 1) should hold 64 pixel values and a label 0–9, got \(fields.count) fields")
            }
            for f in fields.prefix(64) {
                guard let v = Float(f), (0...16).contains(v) else {
                    throw InputError("\(url.path): line \(i + 1) has pixel value '\(f)' outside 0…16")
                }
                pixels.append(v / 16)
            }
            labels.append(label)
        }
        return LabelledImages(images: try Tensor(shape: [labels.count, 64], data: pixels), labels: labels,
                              height: 8, width: 8, name: "UCI digits 8×8")
    }

    /// The bundled colour photos (datasets/photos/*.png), by name without extension.
    public static let photoNames = ["astronaut", "chelsea", "china", "coffee", "flower", "rocket"]
    /// The 21 further photos (KDE and MATE wallpapers) that lecture 5 colours.
    public static let morePhotoNames = ["kde-bythewater", "kde-colorfulcups", "kde-eveningglow", "kde-fallenleaf",
        "kde-kite", "kde-onestandsout", "kde-path", "kde-shell", "kde-summer_1am", "mate-aqua", "mate-blinds", "mate-dune",
        "mate-freshflower", "mate-garden", "mate-greenmeadow", "mate-ladybird", "mate-raindrops", "mate-storm",
        "mate-twowings", "mate-wood", "mate-yellowflower"]

    /// A bundled photo as an image (channels 1 = gray, 3 = RGB).
    public static func photo(_ name: String, channels: Int = 3) throws -> Image {
        try PNG.read(folder.appendingPathComponent("photos/\(name).png"), channels: channels)
    }
}
