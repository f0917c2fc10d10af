/// Reverse-mode automatic differentiation over whole tensors — micrograd's engine with a
/// ``Tensor`` in every node instead of a scalar.
///
/// Every operation on ``Variable``s computes its value with the library's kernels and, while
/// recording, remembers its inputs (`parents`) and a closure that turns the gradient of its
/// output into gradients of its inputs (the vector–Jacobian product). ``Variable/backward()``
/// orders the graph topologically and runs those closures from the loss back to the leaves,
/// summing where a value was used more than once (the multivariate chain rule):
///
///     ∂L/∂xᵢ = Σ over uses u of xᵢ  (∂L/∂u)·(∂u/∂xᵢ)
///
/// Outside ``Graph/recording`` (or inside ``Graph/noGrad(_:)``) nothing is remembered: the ops
/// only compute values, as for evaluation or feature extraction.
public final class Variable {
    /// The tensor this node holds.
    public var value: Tensor
    /// ∂L/∂value after ``backward()``, same shape as `value`; summed over backward passes
    /// until ``zeroGrad()`` (as PyTorch's `.grad`). Kept for leaves only.
    public var grad: Tensor?
    /// Whether gradients flow to (and through) this node.
    public let requiresGrad: Bool
    /// The operation that made this node ("leaf" for inputs and parameters), for error messages.
    public let op: String
    /// A name for messages and saved weights (parameters are named by their module).
    public var name: String

    let parents: [Variable]
    /// output gradient → one gradient (or nil: none flows) per parent, each of its parent's shape.
    var backwardFn: ((Tensor) throws -> [Tensor?])?
    var freed = false

    /// A leaf: an input (`requiresGrad: false`) or a parameter (`requiresGrad: true`).
    public init(_ value: Tensor, requiresGrad: Bool = false, name: String = "") {
        self.value = value; self.requiresGrad = requiresGrad; self.name = name
        self.op = "leaf"; self.parents = []; self.backwardFn = nil
    }

    init(_ value: Tensor, op: String, parents: [Variable], backward: @escaping (Tensor) throws -> [Tensor?]) {
        self.value = value; self.op = op; self.name = op
        self.requiresGrad = true; self.parents = parents; self.backwardFn = backward
    }

    public var shape: [Int] { value.shape }
    public var isLeaf: Bool { op == "leaf" }

    /// Records `value` as the result of `op` on `parents` when the graph records and some parent
    /// needs a gradient; otherwise returns a plain constant (no tape).
    static func record(_ op: String, _ value: Tensor, _ parents: [Variable],
                       _ backward: @escaping (Tensor) throws -> [Tensor?]) -> Variable {
        guard Graph.recording, parents.contains(where: { $0.requiresGrad }) else {
            return Variable(value)
        }
        return Variable(value, op: op, parents: parents, backward: backward)
    }

    /// Clears the gradient (call before each training step's backward).
    public func zeroGrad() { grad = nil }

    /// Fills `grad` of every leaf that requires it with ∂self/∂leaf. `self` must hold one number
    /// (a loss). The graph is freed afterwards, as in PyTorch: a second backward through it throws.
    public func backward() throws {
        guard value.count == 1 else {
            throw ShapeError(op: "backward", message: "needs a scalar loss, but '\(op)' has shape \(shape); reduce it (sum, mean) first")
        }
        guard requiresGrad else {
            throw ShapeError(op: "backward", message: "'\(op)' does not depend on any parameter that requires a gradient (was it computed in noGrad mode?)")
        }
        guard !freed else {
            throw ShapeError(op: "backward", message: "backward twice through '\(op)': the graph was freed by the first backward; build it again with a new forward pass")
        }
        let order = topologicalOrder()
        var pending: [ObjectIdentifier: Tensor] = [ObjectIdentifier(self): Tensor(repeating: 1, shape: shape)]
        for node in order.reversed() {
            guard let g = pending.removeValue(forKey: ObjectIdentifier(node)) else { continue }
            if node.isLeaf {
                node.grad = try node.grad.map { try $0 + g } ?? g
                continue
            }
            guard let fn = node.backwardFn else {
                throw ShapeError(op: "backward", message: "backward twice through '\(node.op)' \(node.shape): an earlier backward freed it; build the graph again with a new forward pass")
            }
            let grads = try fn(g)
            for (parent, pg) in zip(node.parents, grads) where parent.requiresGrad {
                guard let pg else { continue }
                guard pg.shape == parent.shape else {
                    throw ShapeError(op: "backward of \(node.op)", message: "gradient for its input has shape \(pg.shape), the input \(parent.shape)")
                }
                let key = ObjectIdentifier(parent)
                if var acc = pending.removeValue(forKey: key) { try acc.addScaled(pg, 1); pending[key] = acc }   // summed in place
                else { pending[key] = pg }
            }
            node.backwardFn = nil      // free the closure and what it captured
            node.freed = true
        }
    }

    /// Nodes reachable from `self`, every node after its parents (iterative depth-first search).
    func topologicalOrder() -> [Variable] {
        var order: [Variable] = [], visited = Set<ObjectIdentifier>()
        var stack: [(Variable, Bool)] = [(self, false)]
        while let (node, expanded) = stack.popLast() {
            if expanded { order.append(node); continue }
            guard visited.insert(ObjectIdentifier(node)).inserted else { continue }
            stack.append((node, true))
            for p in node.parents where p.requiresGrad && !visited.contains(ObjectIdentifier(p)) {
                stack.append((p, false))
            }
        }
        return order
    }
}

/// Whether operations record themselves for backward.
public enum Graph {
    /// On by default; ``noGrad(_:)`` turns it off for a block. Not per-thread: build one graph at a time.
    nonisolated(unsafe) public static var recording = true

    /// Runs `body` without a tape (evaluation, feature extraction): results are constants.
    public static func noGrad<T>(_ body: () throws -> T) rethrows -> T {
        let saved = recording
        recording = false
        defer { recording = saved }
        return try body()
    }
}

extension Variable: CustomStringConvertible {
    public var description: String { "Variable(\(op), \(value))" }
}
