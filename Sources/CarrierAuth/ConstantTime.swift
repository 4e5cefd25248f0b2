/// Comparison of secrets whose running time does not depend on where they
/// first differ (RFC 5802 §9 asks that proofs not leak through timing).
enum ConstantTime {
    /// True when `a` and `b` are equal; only their lengths affect the time taken.
    static func equal(_ a: [UInt8], _ b: [UInt8]) -> Bool {
        guard a.count == b.count else { return false }
        var difference: UInt8 = 0
        for (x, y) in zip(a, b) { difference |= x ^ y }
        return difference == 0
    }
}
