import Course
import RepLearn

// Exercise 9.4 — comparing representations: RDM, RSA, linear CKA.   Lecture: Lectures/09-transfer.md, "Comparing representations"
extension StudentTransfer {
    /// responses: [s, f] → [s, s] with entry (i, j) = 1 − Pearson(row i, row j) (over the f features).
    public func rdm(_ responses: Tensor) throws -> Tensor {
        throw NotImplemented("9.4")
    }

    /// Two RDMs [s, s] → Spearman's ρ of the entries above the diagonal (i < j), ties given mean ranks.
    public func rsa(_ a: Tensor, _ b: Tensor) throws -> Double {
        throw NotImplemented("9.4")
    }

    /// x: [n, p], y: [n, q] → ‖Y_cᵀX_c‖²_F / (‖X_cᵀX_c‖_F·‖Y_cᵀY_c‖_F), X_c and Y_c with centred columns.
    public func linearCKA(_ x: Tensor, _ y: Tensor) throws -> Double {
        throw NotImplemented("9.4")
    }
}
