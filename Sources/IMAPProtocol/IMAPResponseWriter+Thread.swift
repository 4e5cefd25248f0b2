/// The THREAD response (RFC 5256 §4): `(1 2 (3)(4 5))`, written without
/// recursion so deep branching cannot exhaust the stack.
extension IMAPResponseWriter {
    private enum ThreadStep {
        case list(IMAPThreadNode)
        case members(IMAPThreadNode)
        case close
    }

    mutating func thread(_ roots: [IMAPThreadNode]) {
        raw("THREAD")
        if !roots.isEmpty { space() }
        var stack = roots.reversed().map(ThreadStep.list)
        while let step = stack.popLast() {
            switch step {
            case .close:
                raw(")")
            case .list(let node):
                raw("(")
                stack.append(.close)
                stack.append(.members(node))
            case .members(let node):
                raw(node.messages.map(String.init).joined(separator: " "))
                if !node.branches.isEmpty && !node.messages.isEmpty { space() }
                if node.branches.count == 1 {
                    stack.append(.members(node.branches[0]))
                } else {
                    stack.append(contentsOf: node.branches.reversed().map(ThreadStep.list))
                }
            }
        }
    }
}
