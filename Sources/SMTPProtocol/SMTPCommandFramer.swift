/// Splits the command stream into lines terminated by CRLF only (RFC 5321 §2.3.8).
///
/// A bare LF ends the line in error, and a CR not followed by LF marks the line as
/// malformed, so neither can ever be taken for a CRLF. Lines longer than the limit
/// are reported once and discarded up to their end, so memory stays bounded.
public struct SMTPCommandFramer: Sendable {
    /// What the framer found at the front of the input.
    public enum Frame: Equatable, Sendable {
        case line(ArraySlice<UInt8>)
        case tooLong
        case bareNewline
    }

    public let maximumLineLength: Int
    private var discardingLongLine = false

    public init(maximumLineLength: Int) {
        self.maximumLineLength = maximumLineLength
    }

    /// Takes the next frame from `buffer[start...]`; returns it and the index after
    /// it, or nil when more bytes are needed.
    public mutating func next(in buffer: [UInt8], from start: Int) -> (Frame, Int)? {
        let limit = min(buffer.count, start + maximumLineLength + 2)
        guard let lf = buffer[start..<limit].firstIndex(of: 10) else {
            if buffer.count - start > maximumLineLength + 1 {
                if discardingLongLine { return nil }
                discardingLongLine = true
                return (.tooLong, start)
            }
            return nil
        }
        return frame(buffer, start, lf)
    }

    /// Drops bytes of an over-long line: returns the index to keep from.
    public mutating func discard(in buffer: [UInt8], from start: Int) -> Int? {
        guard discardingLongLine else { return nil }
        if let lf = buffer[start...].firstIndex(of: 10) {
            discardingLongLine = false
            return lf + 1
        }
        return buffer.count
    }

    public var isDiscarding: Bool { discardingLongLine }

    private func frame(_ buffer: [UInt8], _ start: Int, _ lf: Int) -> (Frame, Int) {
        guard lf > start, buffer[lf - 1] == 13 else { return (.bareNewline, lf + 1) }
        let line = buffer[start..<(lf - 1)]
        if line.contains(13) { return (.bareNewline, lf + 1) }
        return (.line(line), lf + 1)
    }
}
