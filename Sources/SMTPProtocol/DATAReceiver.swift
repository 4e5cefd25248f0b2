/// Receives a message after `DATA` (RFC 5321 §4.1.1.4): strips dot-stuffing
/// (§4.5.2) and finds the end, `<CRLF>.<CRLF>`, and nothing else.
///
/// Bare CR or LF never end a line: `<LF>.<LF>`, `<CR>.<CR>`, `<LF>.<CRLF>` and the
/// other smuggling forms stay message content, and a message containing them is
/// refused once the real end arrives. Over-long lines and over-size messages are
/// also read to the end and then refused, so the client stays in sync.
public struct DATAReceiver: Sendable {
    /// Why a completely received message is refused.
    public enum Refusal: Equatable, Sendable {
        case bareNewline
        case lineTooLong
        case tooBig
    }

    public let maximumMessageSize: Int
    /// Longest line including its CRLF (RFC 5321 §4.5.3.1.6).
    public let maximumLineLength: Int
    public private(set) var message: [UInt8] = []
    public private(set) var refusal: Refusal?
    /// The current line's first bytes (without dot-unstuffing), bounded by the line limit.
    private var line: [UInt8] = []
    /// The current line's true length and last byte, whatever was kept of it.
    private var lineLength = 0
    private var lastByte: UInt8?

    public init(maximumMessageSize: Int, maximumLineLength: Int) {
        self.maximumMessageSize = maximumMessageSize
        self.maximumLineLength = maximumLineLength
    }

    /// Consumes bytes from `buffer[start...]`; returns the index after the end
    /// marker when the message is complete, or nil when everything was consumed.
    public mutating func consume(_ buffer: [UInt8], from start: Int) -> Int? {
        var i = start
        while i < buffer.count {
            guard let lf = buffer[i...].firstIndex(of: 10) else {
                appendToLine(buffer[i...])
                return nil
            }
            appendToLine(buffer[i..<lf])
            i = lf + 1
            guard lastByte == 13 else {
                refuse(.bareNewline)
                appendToLine(CollectionOfOne(UInt8(10)))
                continue
            }
            lineLength -= 1
            if line.count > lineLength { line.removeLast() }
            if lineLength == 1 && line == [UInt8(ascii: ".")] {
                resetLine()
                return i
            }
            finishLine()
        }
        return nil
    }

    private mutating func appendToLine(_ bytes: some BidirectionalCollection<UInt8>) {
        guard let last = bytes.last else { return }
        if lastByte == 13 || bytes.dropLast().contains(13) { refuse(.bareNewline) }
        lineLength += bytes.count
        lastByte = last
        let room = maximumLineLength - line.count
        if room > 0 { line.append(contentsOf: bytes.prefix(room)) }
        if lineLength > maximumLineLength - 1 { refuse(.lineTooLong) }
    }

    private mutating func finishLine() {
        defer { resetLine() }
        if lineLength > maximumLineLength - 2 { refuse(.lineTooLong) }
        if refusal != nil { return }
        let content = line.first == UInt8(ascii: ".") ? line.dropFirst() : line[...]
        guard message.count + content.count + 2 <= maximumMessageSize else {
            refuse(.tooBig)
            return
        }
        message.append(contentsOf: content)
        message.append(13)
        message.append(10)
    }

    private mutating func resetLine() {
        line.removeAll(keepingCapacity: true)
        lineLength = 0
        lastByte = nil
    }

    private mutating func refuse(_ why: Refusal) {
        if refusal == nil { refusal = why }
        message = []
    }
}
