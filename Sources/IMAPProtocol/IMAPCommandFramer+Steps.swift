/// The framer's states at work: reading a line, a literal, and discarding
/// what a refused command still sends.
extension IMAPCommandFramer {
    /// Octets of a discarded line kept to recognise a literal marker at its end.
    static let tailLength = 64

    mutating func readLine() -> Step {
        let allowance = max(0, limits.maxLineLength - pending.textBytes)
        let searchEnd = min(buffer.count, position + allowance + 2)
        guard let lf = buffer[position..<searchEnd].firstIndex(of: IMAPCharacterClass.lf) else {
            guard buffer.count - position > allowance + 1 else { return .needMore }
            let tag = mode == .rawLines && pending.isEmpty ? nil : pending.tag ?? partialLineTag()
            let tail = Array(buffer[position..<searchEnd].suffix(Self.tailLength))
            position = searchEnd
            pending = IMAPPendingCommand()
            state = .discardingLine(tail: tail)
            return .event(.error(IMAPFramingError(.lineTooLong, tag: tag)))
        }
        var end = lf
        if end > position && buffer[end - 1] == IMAPCharacterClass.cr { end -= 1 }
        let segment = buffer[position..<end]
        position = lf + 1
        if mode == .rawLines && pending.isEmpty {
            guard segment.count <= allowance else { return .event(.error(IMAPFramingError(.lineTooLong, tag: nil))) }
            return .event(.line(Array(segment)))
        }
        guard segment.count <= allowance else {
            let tag = pending.tag ?? IMAPCharacterClass.leadingTag(Array(segment.prefix(1024)))
            pending = IMAPPendingCommand()
            state = .line
            abandonLine(ending: segment.suffix(Self.tailLength))
            return .event(.error(IMAPFramingError(.lineTooLong, tag: tag)))
        }
        return finishSegment(segment)
    }

    /// Files a complete line: either the command ends here, or a literal
    /// follows.
    private mutating func finishSegment(_ segment: ArraySlice<UInt8>) -> Step {
        guard let marker = IMAPLiteralMarker.find(in: segment) else {
            pending.appendLine(Array(segment))
            return .event(.command(pending.take()))
        }
        pending.appendLine(Array(segment[..<marker.start]))
        if let refusal = refusal(of: marker) {
            let tag = pending.tag
            pending = IMAPPendingCommand()
            state = marker.isSynchronizing ? .line : .skippingLiteral(remaining: marker.size)
            return .event(.error(IMAPFramingError(refusal, tag: tag)))
        }
        pending.startLiteral(marker)
        state = .literal(remaining: Int(marker.size))
        return marker.isSynchronizing ? .event(.needsContinuation) : .progress
    }

    /// Why a literal cannot be accepted, or nil if it can.
    private func refusal(of marker: IMAPLiteralMarker) -> IMAPFramingError.Kind? {
        var limit = UInt64(limits.maxLiteralSize)
        if !marker.isSynchronizing, let nonSync = limits.maxNonSynchronizingLiteralSize {
            limit = min(limit, UInt64(nonSync))
        }
        if marker.size > limit { return .literalTooLarge(size: marker.size, isSynchronizing: marker.isSynchronizing) }
        if pending.literals.count >= limits.maxLiteralCount { return .tooManyLiterals }
        let used = UInt64(pending.textBytes + pending.literalBytes)
        if used + marker.size > UInt64(limits.maxCommandSize) { return .commandTooLarge }
        return nil
    }

    mutating func readLiteral(_ remaining: Int) -> Step {
        let take = min(remaining, buffer.count - position)
        pending.appendLiteralBytes(buffer[position..<(position + take)])
        position += take
        guard take == remaining else {
            state = .literal(remaining: remaining - take)
            return .needMore
        }
        pending.finishLiteral()
        state = .line
        return .progress
    }

    mutating func discardLine(_ tail: [UInt8]) -> Step {
        guard let lf = buffer[position...].firstIndex(of: IMAPCharacterClass.lf) else {
            state = .discardingLine(tail: Self.keepTail(tail, buffer[position...]))
            position = buffer.count
            return .needMore
        }
        var line = Self.keepTail(tail, buffer[position..<lf])[...]
        if line.last == IMAPCharacterClass.cr { line = line.dropLast() }
        position = lf + 1
        state = .line
        abandonLine(ending: line)
        return .progress
    }

    mutating func skipLiteral(_ remaining: UInt64) -> Step {
        let take = min(remaining, UInt64(buffer.count - position))
        position += Int(take)
        guard take == remaining else {
            state = .skippingLiteral(remaining: remaining - take)
            return .needMore
        }
        state = .discardingLine(tail: [])
        return .progress
    }

    /// After a refused line: if it announced a non-synchronizing literal,
    /// the client sends it regardless, so skip it and the rest of the command.
    private mutating func abandonLine(ending tail: ArraySlice<UInt8>) {
        guard mode == .commands, let marker = IMAPLiteralMarker.find(in: tail), !marker.isSynchronizing else { return }
        state = .skippingLiteral(remaining: marker.size)
    }

    /// The tag of an incomplete line, if a space already ends it.
    private func partialLineTag() -> String? {
        let window = buffer[position..<min(buffer.count, position + 1024)]
        guard window.contains(IMAPCharacterClass.space) else { return nil }
        return IMAPCharacterClass.leadingTag(Array(window))
    }

    private static func keepTail(_ tail: [UInt8], _ more: ArraySlice<UInt8>) -> [UInt8] {
        if more.count >= tailLength { return Array(more.suffix(tailLength)) }
        return Array((tail + more).suffix(tailLength))
    }
}
