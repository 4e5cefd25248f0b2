/// Puts a stored message on the wire as the body of a RETR or TOP response
/// (RFC 1939 §3, §5, §7), incrementally, so a transport may also stream it:
///
/// - a bare LF becomes CRLF (stores may keep mbox/Maildir LF line ends);
/// - a line that starts with `.` gets another `.` (byte-stuffing);
/// - a last line without a line end gets one (a CR alone there gets its LF);
/// - `finish` adds the terminating `.` CRLF.
///
/// Bare CRs inside a line are sent as they are. For TOP, `bodyLineLimit` keeps
/// the header, the blank line after it and that many body lines; the rest of
/// the input is ignored (`isComplete` tells the transport it may stop reading).
///
/// **Size.** RFC 1939 §11 counts a message "as it would be sent": line ends as
/// two octets, byte-stuffing not counted. `messageOctets` is exactly that — the
/// octets the client holds once it has removed the stuffing and the
/// terminating line — and `size(of:)` gives it for a whole message, which is
/// what LIST, STAT and the RETR `+OK` line report.
public struct POP3MessageEncoder: Sendable {
    public let bodyLineLimit: Int?
    /// Message octets sent so far, not counting byte-stuffing or the terminator.
    public private(set) var messageOctets = 0
    /// True once TOP's line limit is reached: later input is ignored.
    public private(set) var isComplete = false
    private var atLineStart = true
    private var previous: UInt8 = 0
    /// Octets on the current line so far, a CR before its LF included.
    private var lineLength = 0
    private var inBody = false
    private var bodyLines = 0

    /// - Parameter bodyLineLimit: for TOP, the number of body lines to send
    ///   (non-negative); nil sends the whole message.
    public init(bodyLineLimit: Int? = nil) {
        self.bodyLineLimit = bodyLineLimit
    }

    /// Encodes the next part of the message, appending to `out`.
    public mutating func encode(_ chunk: some Sequence<UInt8>, into out: inout [UInt8]) {
        for byte in chunk {
            if atLineStart {
                if inBody, let bodyLineLimit, bodyLines >= bodyLineLimit { isComplete = true }
                if isComplete { return }
                if byte == UInt8(ascii: ".") { out.append(byte) }
                atLineStart = false
            }
            if byte == 10 {
                if previous != 13 {
                    out.append(13)
                    messageOctets += 1
                }
                endLine()
            } else {
                lineLength += 1
            }
            out.append(byte)
            messageOctets += 1
            previous = byte
        }
    }

    /// Ends the last line if needed and appends the terminating `.` CRLF.
    public mutating func finish(into out: inout [UInt8]) {
        if !atLineStart && !isComplete {
            if previous != 13 {
                out.append(13)
                messageOctets += 1
            }
            out.append(10)
            messageOctets += 1
            atLineStart = true
        }
        isComplete = true
        out += Array(".\r\n".utf8)
    }

    /// The header ends at the first empty line (RFC 5322 §2.1); after it, lines count as body lines.
    private mutating func endLine() {
        let blank = lineLength == 0 || (lineLength == 1 && previous == 13)
        if inBody {
            bodyLines += 1
        } else if blank {
            inBody = true
        }
        atLineStart = true
        lineLength = 0
    }

    /// The size of `message` as RETR sends it (see the type's notes): what LIST
    /// and STAT report and `POP3MessageInfo.size` must hold.
    public static func size(of message: some Sequence<UInt8>) -> Int {
        var encoder = POP3MessageEncoder()
        var scratch: [UInt8] = []
        scratch.reserveCapacity(4096)
        var pending: [UInt8] = []
        pending.reserveCapacity(4096)
        for byte in message {
            pending.append(byte)
            if pending.count == 4096 {
                encoder.encode(pending, into: &scratch)
                pending.removeAll(keepingCapacity: true)
                scratch.removeAll(keepingCapacity: true)
            }
        }
        encoder.encode(pending, into: &scratch)
        encoder.finish(into: &scratch)
        return encoder.messageOctets
    }
}
