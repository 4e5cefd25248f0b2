/// THREAD=REFERENCES (RFC 5256 §3): threads by the References and
/// In-Reply-To fields, then joins top-level threads with the same base
/// subject. Containers live in one array and point at each other by
/// index; every walk is iterative.
struct IMAPReferencesThreader {
    /// A message, or a dummy standing for a referenced message not present.
    private struct Container {
        var message: Int?
        var parent: Int?
        var children: [Int] = []
    }

    private let messages: [IMAPSortMessage]
    private var containers: [Container] = []
    /// The root's children (step 2 onwards).
    private var roots: [Int] = []

    init(_ messages: [IMAPSortMessage]) {
        self.messages = messages
    }

    /// Steps 1 to 6, then the response's shape.
    mutating func threads() -> [IMAPThreadNode] {
        link()
        roots = containers.indices.filter { containers[$0].parent == nil }
        pruneDummies()
        for root in roots where containers[root].message == nil { containers[root].children.sort(by: earlier) }
        roots.sort(by: earlier)
        mergeBySubject()
        sortSiblings()
        return roots.map { node($0, depth: 0) }
    }

    /// Step 1: parent/child links from each message's references.
    private mutating func link() {
        var byID: [String: Int] = [:]
        func container(_ id: String) -> Int {
            if let index = byID[id] { return index }
            containers.append(Container())
            byID[id] = containers.count - 1
            return containers.count - 1
        }
        for (index, message) in messages.enumerated() {
            let current: Int
            if let id = IMAPMessageIDs.first(message.messageID), let existing = byID[id], containers[existing].message == nil {
                current = existing
            } else {
                containers.append(Container())
                current = containers.count - 1
                if let id = IMAPMessageIDs.first(message.messageID), byID[id] == nil { byID[id] = current }
            }
            containers[current].message = index
            var references = IMAPMessageIDs.parse(message.references)
            if references.isEmpty, let parent = IMAPMessageIDs.first(message.inReplyTo) { references = [parent] }
            let nearest = references.suffix(IMAPMessageIDs.maxReferences).map(container)
            for (parent, child) in zip(nearest, nearest.dropFirst()) where containers[child].parent == nil {
                attach(child, to: parent)
            }
            if let parent = containers[current].parent { detach(current, from: parent) }
            if let parent = nearest.last { attach(current, to: parent) }
        }
    }

    /// Makes `child` a child of `parent` unless that would close a loop
    /// (only possible when `child` has children of its own).
    private mutating func attach(_ child: Int, to parent: Int) {
        guard child != parent, containers[child].children.isEmpty || !isDescendant(parent, of: child) else { return }
        containers[child].parent = parent
        containers[parent].children.append(child)
    }

    private mutating func detach(_ child: Int, from parent: Int) {
        containers[parent].children.removeAll { $0 == child }
        containers[child].parent = nil
    }

    private func isDescendant(_ node: Int, of ancestor: Int) -> Bool {
        var current = containers[node].parent
        while let index = current {
            if index == ancestor { return true }
            current = containers[index].parent
        }
        return false
    }

    /// Step 3, bottom-up: a dummy without children goes; a dummy with
    /// children is replaced by them, except at the top with several.
    private mutating func pruneDummies() {
        for index in postOrder() {
            containers[index].children = promoted(containers[index].children, top: false)
        }
        roots = promoted(roots, top: true)
    }

    private mutating func promoted(_ list: [Int], top: Bool) -> [Int] {
        var result: [Int] = []
        for child in list {
            guard containers[child].message == nil else {
                result.append(child)
                continue
            }
            let grandchildren = containers[child].children
            if top && grandchildren.count > 1 {
                result.append(child)
                continue
            }
            for grandchild in grandchildren { containers[grandchild].parent = top ? nil : containers[child].parent }
            result += grandchildren
        }
        return result
    }

    /// Step 5: top-level threads with the same base subject come together.
    private mutating func mergeBySubject() {
        var table: [[UInt8]: Int] = [:]
        for root in roots {
            guard let subject = threadSubject(root) else { continue }
            guard let held = table[subject] else {
                table[subject] = root
                continue
            }
            if containers[held].message != nil,
               containers[root].message == nil || (replyOrForward(held) && !replyOrForward(root)) {
                table[subject] = root
            }
        }
        var merged: [Int] = []
        for root in roots where containers[root].parent == nil {
            guard let subject = threadSubject(root), let held = table[subject], held != root else {
                merged.append(root)
                continue
            }
            let heldIsDummy = containers[held].message == nil
            if heldIsDummy && containers[root].message == nil {
                for child in containers[root].children { adopt(child, by: held) }
                containers[root].children = []
            } else if heldIsDummy || (replyOrForward(root) && !replyOrForward(held)) {
                adopt(root, by: held)
            } else {
                containers.append(Container())
                let dummy = containers.count - 1
                merged.removeAll { $0 == held }
                adopt(held, by: dummy)
                adopt(root, by: dummy)
                table[subject] = dummy
                merged.append(dummy)
            }
        }
        roots = merged.filter { containers[$0].parent == nil && (containers[$0].message != nil || !containers[$0].children.isEmpty) }
    }

    private mutating func adopt(_ child: Int, by parent: Int) {
        containers[child].parent = parent
        containers[parent].children.append(child)
    }

    /// The base subject of a thread: of its message, or a dummy's first child.
    private func threadSubject(_ root: Int) -> [UInt8]? {
        let message = containers[root].message ?? containers[root].children.first.flatMap { containers[$0].message }
        guard let message else { return nil }
        let subject = messages[message].subjectKey
        return subject.isEmpty ? nil : subject
    }

    private func replyOrForward(_ index: Int) -> Bool {
        guard let message = containers[index].message else { return false }
        return IMAPBaseSubject(messages[message].subject ?? "").isReplyOrForward
    }

    /// Step 6: every set of siblings by sent date, deepest first, so a
    /// dummy can be placed by its (already sorted) first child.
    private mutating func sortSiblings() {
        for index in postOrder() { containers[index].children.sort(by: earlier) }
        roots.sort(by: earlier)
    }

    /// Every container under the roots, children before their parents.
    private func postOrder() -> [Int] {
        var order: [Int] = []
        var stack = roots
        while let index = stack.popLast() {
            order.append(index)
            stack += containers[index].children
        }
        return order.reversed()
    }

    /// Sent-date order; a dummy counts as its first child.
    private func earlier(_ a: Int, _ b: Int) -> Bool {
        guard let first = representative(a), let second = representative(b) else { return representative(a) != nil }
        return IMAPThreader.before(messages, first, second)
    }

    private func representative(_ index: Int) -> Int? {
        var current = index
        while containers[current].message == nil {
            guard let child = containers[current].children.first else { return nil }
            current = child
        }
        return containers[current].message
    }

    /// The response shape: a run of single children stays flat, a branch
    /// nests; below `maxDepth` branches everything is listed flat.
    private func node(_ index: Int, depth: Int) -> IMAPThreadNode {
        var run: [UInt32] = []
        var current = index
        while true {
            if let message = containers[current].message { run.append(messages[message].number) }
            guard containers[current].children.count == 1 else { break }
            current = containers[current].children[0]
        }
        let children = containers[current].children
        guard depth < IMAPThreader.maxDepth else {
            let below = descendants(of: current).sorted { IMAPThreader.before(messages, $0, $1) }
            return IMAPThreadNode(run, below.map { IMAPThreadNode([messages[$0].number]) })
        }
        return IMAPThreadNode(run, children.map { node($0, depth: depth + 1) })
    }

    /// The messages below a container, in no particular order.
    private func descendants(of index: Int) -> [Int] {
        var found: [Int] = []
        var stack = containers[index].children
        while let next = stack.popLast() {
            if let message = containers[next].message { found.append(message) }
            stack += containers[next].children
        }
        return found
    }
}
