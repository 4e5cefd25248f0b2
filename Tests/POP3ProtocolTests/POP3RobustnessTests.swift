import CarrierTesting
import Testing
@testable import POP3Protocol

/// Seeded random input: the session never crashes, always answers with
/// complete lines, and commits deletions only after the client's QUIT.
@Suite struct POP3RobustnessTests {
    static let vocabulary = ["USER alice", "PASS secret", "PASS wrong", "AUTH PLAIN", "AUTH", "*", "STLS", "CAPA", "UTF8",
                             "STAT", "LIST", "LIST 2", "UIDL", "UIDL 9", "RETR 1", "RETR 3", "TOP 2 1", "DELE 1", "DELE 2",
                             "RSET", "NOOP", "QUIT", "", "retr", "TOP 1 x", String(repeating: "A", count: 300)]

    /// Bytes mixed from commands, stray CR/LF, NUL, non-ASCII and noise, in random chunks.
    @Test(arguments: 0..<40)
    func randomInputNeverBreaksTheSession(seed: UInt64) {
        var random = SplitMix64(seed: seed)
        var input: [UInt8] = []
        for _ in 0..<Int.random(in: 1...60, using: &random) {
            switch Int.random(in: 0..<10, using: &random) {
            case 0..<6: input += Array((Self.vocabulary.randomElement(using: &random)! + "\r\n").utf8)
            case 6: input += [[13], [10], [0], [0xFF], [0xC3, 0xA9]].randomElement(using: &random)!
            default: input += (0..<Int.random(in: 1...40, using: &random)).map { _ in UInt8.random(in: 0...255, using: &random) }
            }
        }
        var d = POP3SessionDriver { $0.maximumBadCommands = 1000 }
        var index = 0
        while index < input.count {
            let end = min(input.count, index + Int.random(in: 1...64, using: &random))
            d.feed(Array(input[index..<end]))
            if d.actions.last == .startTLS { d.event(.tlsEstablished) }
            index = end
        }
        d.event(.disconnected)
        for response in d.sent {
            #expect(response.hasSuffix("\r\n"))
            #expect(response.hasPrefix("+OK") || response.hasPrefix("-ERR") || response.hasPrefix("+ "))
        }
        let quitSent = String(decoding: input, as: UTF8.self).contains("QUIT\r\n")
        #expect(quitSent || d.commits.isEmpty)
        #expect(d.releases <= 1)
        #expect(d.session.isClosed)
    }

    /// Random DELE/RSET/RETR/LIST against a model of the maildrop (RFC 1939 §5):
    /// every answer and the final deletions match it.
    @Test(arguments: 0..<20)
    func transactionMatchesAModel(seed: UInt64) {
        var random = SplitMix64(seed: seed &+ 1000)
        let messages = (1...5).map { Array("Subject: \($0)\r\n\r\n\(String(repeating: ".x\n", count: $0))".utf8) }
        var d = POP3SessionDriver.loggedIn(messages: messages)
        var deleted = Set<Int>()
        for _ in 0..<50 {
            let number = Int.random(in: 0...6, using: &random)
            let exists = (1...5).contains(number)
            switch Int.random(in: 0..<5, using: &random) {
            case 0:
                d.send("DELE \(number)\r\n")
                #expect(d.lastStatus!.hasPrefix(exists && !deleted.contains(number) ? "+OK" : "-ERR"))
                if exists { deleted.insert(number) }
            case 1:
                d.send("RSET\r\n")
                deleted = []
            case 2:
                d.send("RETR \(number)\r\n")
                #expect(d.lastStatus!.hasPrefix(exists && !deleted.contains(number) ? "+OK" : "-ERR"))
            case 3:
                d.send("LIST \(number)\r\n")
                #expect(d.lastStatus!.hasPrefix(exists && !deleted.contains(number) ? "+OK" : "-ERR"))
            default:
                d.send("STAT\r\n")
                let octets = (1...5).filter { !deleted.contains($0) }.reduce(0) { $0 + d.infos[$1 - 1].size }
                #expect(d.lastStatus == "+OK \(5 - deleted.count) \(octets)")
            }
        }
        d.send("QUIT\r\n")
        #expect(d.commits == (deleted.isEmpty ? [] : [deleted.sorted().map { Int64(100 + $0) }]))
        #expect(d.releases == 1)
    }
}
