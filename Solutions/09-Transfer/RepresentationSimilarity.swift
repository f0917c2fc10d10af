import Course
import Foundation
import RepLearn

// Exercise 9.4 — representational dissimilarity (Kriegeskorte et al. 2008) and linear CKA (Kornblith et al. 2019).
extension ReferenceTransfer {
    /// Pearson(rᵢ, rⱼ) is the cosine of the rows after each is centred (over its features).
    public func rdm(_ responses: Tensor) throws -> Tensor {
        var z = responses
        for i in 0..<z.rows {
            let row = z.row(i)
            let mean = row.reduce(0, +) / Float(row.count)
            let norm = row.reduce(0) { $0 + ($1 - mean) * ($1 - mean) }.squareRoot()
            for j in 0..<z.cols { z[i, j] = norm > 0 ? (row[j] - mean) / norm : 0 }
        }
        return try Tensor.matmul(z, z, transposeB: true).map { 1 - $0 }
    }

    public func rsa(_ a: Tensor, _ b: Tensor) throws -> Double {
        try b.expectShape(a.shape, "rsa", name: "b")
        var x: [Double] = [], y: [Double] = []
        for i in 0..<a.rows { for j in (i + 1)..<max(a.cols, i + 1) { x.append(Double(a[i, j])); y.append(Double(b[i, j])) } }
        return try ReferenceWord2Vec().spearman(x, y)                 // lecture 7's Spearman
    }

    public func linearCKA(_ x: Tensor, _ y: Tensor) throws -> Double {
        guard x.rows == y.rows else { throw ShapeError(op: "linearCKA", message: "\(x.rows) and \(y.rows) examples") }
        func centred(_ t: Tensor) throws -> Tensor { try t.addingRowVector(t.columnSums() * (-1 / Float(t.rows))) }
        func frobenius2(_ t: Tensor) -> Double { t.data.reduce(0) { $0 + Double($1) * Double($1) } }
        let (xc, yc) = (try centred(x), try centred(y))
        let cross = frobenius2(try Tensor.matmul(yc, xc, transposeA: true))
        return cross / (frobenius2(try Tensor.matmul(xc, xc, transposeA: true)) * frobenius2(try Tensor.matmul(yc, yc, transposeA: true))).squareRoot()
    }
}
