import Testing
@testable import IMAPProtocol

/// Frames and parses command text (literals included) for the parser tests.
enum ParserDriver {
    /// Frames `text` whole and one octet at a time (both must agree), then
    /// parses the one command.
    static func result(_ text: String, limits: IMAPParserLimits = IMAPParserLimits()) -> Result<IMAPTaggedCommand, IMAPParseError> {
        let events = FramerDriver.whole(Array(text.utf8))
        #expect(FramerDriver.dripped(Array(text.utf8)) == events, "drip-fed framing differs for \(text)")
        let commands = events.commands
        guard commands.count == 1 else { return .failure(IMAPParseError(.syntax, "framed \(commands.count) commands")) }
        return IMAPCommandParser.parse(commands[0], limits: limits)
    }

    /// The command, or nil with a recorded issue.
    static func command(_ text: String, sourceLocation: SourceLocation = #_sourceLocation) -> IMAPCommand? {
        switch result(text + "\r\n") {
        case .success(let tagged): return tagged.command
        case .failure(let error):
            Issue.record("\(text): \(error.message)", sourceLocation: sourceLocation)
            return nil
        }
    }

    /// The error, or nil with a recorded issue.
    static func error(_ text: String, limits: IMAPParserLimits = IMAPParserLimits(),
                      sourceLocation: SourceLocation = #_sourceLocation) -> IMAPParseError? {
        switch result(text + "\r\n", limits: limits) {
        case .success(let tagged):
            Issue.record("parsed: \(text) as \(tagged.command)", sourceLocation: sourceLocation)
            return nil
        case .failure(let error): return error
        }
    }

    static func set(_ text: String) -> IMAPSequenceSet {
        var reader = IMAPArgumentReader(IMAPFramedCommand(text), limits: IMAPParserLimits())
        return (try? reader.sequenceSet()) ?? .ranges([])
    }
}
