/// The part of a command the framer has collected so far: the lines before
/// each literal, the finished literals, and the literal being read.
struct IMAPPendingCommand: Sendable {
    private(set) var lines: [[UInt8]] = []
    private(set) var literals: [IMAPLiteral] = []
    private(set) var currentLiteral: IMAPLiteral?
    private(set) var textBytes = 0
    private(set) var literalBytes = 0

    var isEmpty: Bool {
        lines.isEmpty
    }

    /// The tag of the command, from its first line.
    var tag: String? {
        lines.first.flatMap(IMAPCharacterClass.leadingTag)
    }

    mutating func appendLine(_ text: [UInt8]) {
        lines.append(text)
        textBytes += text.count
    }

    /// Starts collecting a literal's payload; room is reserved for small
    /// ones only, so an announced size alone cannot claim memory.
    mutating func startLiteral(_ marker: IMAPLiteralMarker) {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(Int(min(marker.size, 64 * 1024)))
        currentLiteral = IMAPLiteral(bytes, isBinary: marker.isBinary, isSynchronizing: marker.isSynchronizing)
    }

    mutating func appendLiteralBytes(_ bytes: ArraySlice<UInt8>) {
        currentLiteral?.bytes.append(contentsOf: bytes)
        literalBytes += bytes.count
    }

    mutating func finishLiteral() {
        if let literal = currentLiteral { literals.append(literal) }
        currentLiteral = nil
    }

    /// The finished command; the pending state is emptied.
    mutating func take() -> IMAPFramedCommand {
        let command = IMAPFramedCommand(lines: lines, literals: literals)
        self = IMAPPendingCommand()
        return command
    }
}
