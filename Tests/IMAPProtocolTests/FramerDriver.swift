@testable import IMAPProtocol

/// Feeds text to an `IMAPCommandFramer` whole or one byte at a time and
/// collects every event.
struct FramerDriver {
    var framer: IMAPCommandFramer

    init(_ limits: IMAPFramerLimits = IMAPFramerLimits()) {
        framer = IMAPCommandFramer(limits: limits)
    }

    mutating func feed(_ bytes: [UInt8]) -> [IMAPFramerEvent] {
        framer.append(bytes)
        var events: [IMAPFramerEvent] = []
        while let event = framer.next() { events.append(event) }
        return events
    }

    mutating func feed(_ text: String) -> [IMAPFramerEvent] {
        feed(Array(text.utf8))
    }

    /// The events of `bytes` fed in one piece.
    static func whole(_ bytes: [UInt8], _ limits: IMAPFramerLimits = IMAPFramerLimits()) -> [IMAPFramerEvent] {
        var driver = FramerDriver(limits)
        return driver.feed(bytes)
    }

    /// The events of `bytes` fed one octet at a time.
    static func dripped(_ bytes: [UInt8], _ limits: IMAPFramerLimits = IMAPFramerLimits()) -> [IMAPFramerEvent] {
        var driver = FramerDriver(limits)
        return bytes.flatMap { driver.feed([$0]) }
    }

    /// The one command in `text`, framed and parsed.
    static func command(_ text: String) -> Result<IMAPTaggedCommand, IMAPParseError>? {
        let events = whole(Array(text.utf8))
        let commands = events.compactMap { event -> IMAPFramedCommand? in
            if case .command(let command) = event { return command }
            return nil
        }
        guard commands.count == 1 else { return nil }
        return IMAPCommandParser.parse(commands[0])
    }
}

extension [IMAPFramerEvent] {
    /// The framed commands among the events.
    var commands: [IMAPFramedCommand] {
        compactMap { if case .command(let command) = $0 { command } else { nil } }
    }

    var errors: [IMAPFramingError] {
        compactMap { if case .error(let error) = $0 { error } else { nil } }
    }

    var continuationCount: Int {
        filter { $0 == .needsContinuation }.count
    }
}
