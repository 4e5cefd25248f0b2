import MailCore
import Testing
@testable import CarrierAuth

/// Behaviour common to all mechanisms: base64, length, sequencing, names, replies.
@Suite struct SASLServerExchangeTests {
    typealias Support = SASLTestSupport

    /// RFC 4954 §4: characters outside the alphabet and misplaced padding are errors.
    @Test(arguments: ["dGlt!", "dGl", "=AAA", "AAA=BBBB", "AA=A", "dGlt\r\n", "dG lt", "A===", "*x"])
    func badBase64IsMalformed(line: String) {
        for mechanism in SASLMechanism.allCases {
            var initial = Support.exchange(mechanism)
            #expect(initial.start(initialResponse: line) == .failure(.malformedResponse))
            var later = Support.exchange(mechanism)
            _ = later.start(initialResponse: nil)
            #expect(later.receive(line) == .failure(.malformedResponse))
        }
    }

    @Test func overlongResponseIsRefusedBeforeDecoding() {
        let tooLong = String(repeating: "A", count: SASLServerExchange.maximumResponseLength + 4)
        let longest = Support.base64([0] + Array(repeating: UInt8(ascii: "a"), count: 9_214))
        #expect(longest.utf8.count == SASLServerExchange.maximumResponseLength)
        for mechanism in SASLMechanism.allCases {
            var initial = Support.exchange(mechanism)
            #expect(initial.start(initialResponse: tooLong) == .failure(.responseTooLong))
            var later = Support.exchange(mechanism)
            _ = later.start(initialResponse: nil)
            #expect(later.receive(tooLong + "!") == .failure(.responseTooLong))
            var atLimit = Support.exchange(mechanism)
            _ = atLimit.start(initialResponse: nil)
            #expect(atLimit.receive(longest) != .failure(.responseTooLong))
        }
    }

    @Test func callsOutOfSequenceFail() throws {
        var unstarted = Support.exchange(.plain)
        #expect(unstarted.receive(Support.base64("\0tim\0pw")) == .failure(.malformedResponse))
        var awaitingLookup = Support.exchange(.plain)
        _ = awaitingLookup.start(initialResponse: Support.base64("\0tim\0pw"))
        #expect(awaitingLookup.receive("*") == .failure(.malformedResponse))
        var twice = Support.exchange(.login)
        _ = twice.start(initialResponse: nil)
        #expect(twice.start(initialResponse: nil) == .failure(.malformedResponse))
        var early = Support.exchange(.scramSHA256)
        #expect(early.credentials(try Support.hash("pw")) == .failure(.malformedResponse))
    }

    @Test(arguments: [("PLAIN", SASLMechanism.plain), ("login", .login), ("Scram-Sha-256", .scramSHA256)])
    func mechanismNamesAreCaseInsensitive(name: String, mechanism: SASLMechanism) {
        #expect(SASLMechanism(name: name) == mechanism)
    }

    @Test func mechanismCanonicalNames() {
        #expect(SASLMechanism.allCases.map(\.name) == ["PLAIN", "LOGIN", "SCRAM-SHA-256"])
        for mechanism in SASLMechanism.allCases { #expect(SASLMechanism(name: mechanism.name) == mechanism) }
    }

    @Test(arguments: ["CRAM-MD5", "SCRAM-SHA-256-PLUS", "PLAIN ", "", "ſcram-sha-256"])
    func unknownMechanismNames(name: String) {
        #expect(SASLMechanism(name: name) == nil)
    }

    /// RFC 4954 §4 and §6 replies.
    @Test(arguments: [
        (SASLFailure.malformedResponse, 501, "5.5.2"), (.aborted, 501, "5.7.0"), (.invalidCredentials, 535, "5.7.8"),
        (.authorizationNotAllowed, 535, "5.7.8"), (.responseTooLong, 500, "5.5.6"), (.unsupportedChannelBinding, 535, "5.7.8"),
    ])
    func failureReplies(failure: SASLFailure, code: Int, enhanced: String) {
        #expect(failure.smtpCode == code)
        #expect(failure.enhancedCode == EnhancedStatusCode(enhanced))
        #expect(!failure.text.isEmpty)
    }

    @Test func abortedReplyText() {
        #expect(SASLFailure.aborted.text == "Authentication aborted")
    }

    @Test func randomNonceIsPrintableWithoutCommaAndFresh() {
        let nonces = (0..<100).map { _ in SASLServerExchange.randomNonce() }
        #expect(Set(nonces).count == 100)
        for nonce in nonces {
            #expect(nonce.utf8.count == 32)
            #expect(nonce.utf8.allSatisfy { (0x21...0x7E).contains($0) && $0 != UInt8(ascii: ",") })
            _ = SASLServerExchange(mechanism: .scramSHA256, serverNonce: nonce)
        }
    }
}
