import Testing
@testable import POP3Protocol

/// The state machine through AUTHORIZATION, TRANSACTION and UPDATE (RFC 1939 §3-6).
@Suite struct POP3ServerSessionTests {
    static let uid1 = POP3UniqueID.make(uidValidity: 7, uid: 101)

    @Test func fullSessionFromGreetingToUpdate() {
        var d = POP3SessionDriver()
        #expect(d.sent == ["+OK pop.example.test POP3 server ready\r\n"])
        d.send("USER alice\r\n")
        #expect(d.lastStatus == "+OK")
        d.send("PASS secret\r\n")
        #expect(d.actions.contains(.verifyPassword(user: "alice", password: "secret")))
        #expect(d.actions.contains(.openMaildrop(user: "alice")))
        #expect(d.lastStatus == "+OK maildrop has 3 messages (103 octets)")
        #expect(d.session.state == .transaction)
        #expect(d.session.authenticatedUser == "alice")

        d.send("STAT\r\n")
        #expect(d.lastStatus == "+OK 3 103")
        d.send("LIST\r\n")
        #expect(d.sent.last == "+OK 3 messages (103 octets)\r\n1 23\r\n2 38\r\n3 42\r\n.\r\n")
        d.send("UIDL\r\n")
        #expect(d.sent.last == "+OK\r\n1 \(Self.uid1)\r\n2 0000006600000007\r\n3 0000006700000007\r\n.\r\n")
        d.send("RETR 2\r\n")
        #expect(d.actions.contains(.retrieve(uid: 102, number: 2, topLines: nil)))
        #expect(d.sent.last == "+OK 38 octets\r\nSubject: two\r\n\r\n..dot line\r\nlast line\r\n.\r\n")
        d.send("DELE 1\r\n")
        #expect(d.lastStatus == "+OK message 1 deleted")
        d.send("LIST\r\n")
        #expect(d.sent.last == "+OK 2 messages (80 octets)\r\n2 38\r\n3 42\r\n.\r\n")
        #expect(d.commits.isEmpty, "RFC 1939 §5: DELE only marks")

        d.send("QUIT\r\n")
        #expect(d.actions.suffix(4) == [
            .commitDeletions([101]),
            .send(Array("+OK pop.example.test POP3 server signing off (2 messages left)\r\n".utf8)),
            .releaseMaildrop,
            .close,
        ])
        #expect(d.session.isClosed)
    }

    /// RFC 1939 §7 TOP, and the header plus blank line for n = 0.
    @Test func top() {
        var d = POP3SessionDriver.loggedIn()
        d.send("TOP 3 1\r\n")
        #expect(d.actions.contains(.retrieve(uid: 103, number: 3, topLines: 1)))
        #expect(d.sent.last == "+OK\r\nSubject: three\r\n\r\nline 1\r\n.\r\n")
        d.send("TOP 2 0\r\n")
        #expect(d.sent.last == "+OK\r\nSubject: two\r\n\r\n.\r\n")
    }

    /// RFC 1939 §5 and §11: the size LIST gives is the octet count RETR
    /// announces and sends, once the client removes byte-stuffing and the
    /// terminating line.
    @Test func listSizeEqualsOctetsRetrSends() {
        let messages = POP3SessionDriver.defaultMessages + [Array(".\n..\n...\r\n.x".utf8), [], Array("\r\n".utf8)]
        var d = POP3SessionDriver.loggedIn(messages: messages)
        for number in 1...messages.count {
            d.send("LIST \(number)\r\nRETR \(number)\r\n")
            let listed = Int(d.statusLines[d.statusLines.count - 2].split(separator: " ")[2])
            let retr = Array(d.sent.last!.utf8)
            let firstLineEnd = retr.firstIndex(of: 10)! + 1
            let announced = Int(String(decoding: retr[..<firstLineEnd], as: UTF8.self).split(separator: " ")[1])
            let received = POP3MessageEncoderTests.unstuff(Array(retr[firstLineEnd...]))
            #expect(listed == received.count, "message \(number)")
            #expect(announced == received.count, "message \(number)")
        }
    }

    /// RFC 1939 §5: numbers stay as they were at login; deleted messages are
    /// neither counted nor listed, and cannot be used; RSET unmarks them.
    @Test func deletedMessagesAndRset() {
        var d = POP3SessionDriver.loggedIn()
        d.send("DELE 1\r\nSTAT\r\nLIST 3\r\nUIDL 3\r\n")
        #expect(d.statusLines.suffix(4) == ["+OK message 1 deleted", "+OK 2 80", "+OK 3 42", "+OK 3 0000006700000007"])
        for command in ["RETR 1", "TOP 1 0", "LIST 1", "UIDL 1", "DELE 1"] {
            d.send(command + "\r\n")
            #expect(d.lastStatus == "-ERR message 1 already deleted", "\(command)")
        }
        d.send("RSET\r\nLIST 1\r\n")
        #expect(d.statusLines.suffix(2) == ["+OK maildrop has 3 messages (103 octets)", "+OK 1 23"])
        d.send("QUIT\r\n")
        #expect(d.commits.isEmpty)
        #expect(d.releases == 1)
        #expect(d.lastStatus == "+OK pop.example.test POP3 server signing off (3 messages left)")
    }

    @Test(arguments: ["RETR 0", "RETR 4", "LIST 9", "TOP 4 0", "DELE 4", "UIDL 4"])
    func noSuchMessage(command: String) {
        var d = POP3SessionDriver.loggedIn()
        d.send(command + "\r\n")
        #expect(d.lastStatus == "-ERR no such message, only 3 messages in maildrop")
    }

    @Test func emptyMaildrop() {
        var d = POP3SessionDriver.loggedIn(messages: [])
        d.send("STAT\r\nLIST\r\nUIDL\r\nQUIT\r\n")
        #expect(d.sent.suffix(4) == ["+OK 0 0\r\n", "+OK 0 messages (0 octets)\r\n.\r\n", "+OK\r\n.\r\n",
                                     "+OK pop.example.test POP3 server signing off (maildrop empty)\r\n"])
    }

    /// RFC 1939 §9: each command is valid in one state only.
    @Test func commandsOutsideTheirState() {
        var d = POP3SessionDriver()
        for command in ["STAT", "LIST", "RETR 1", "DELE 1", "NOOP", "RSET", "TOP 1 1", "UIDL"] {
            d.send(command + "\r\n")
            #expect(d.lastStatus == "-ERR Command not valid in AUTHORIZATION state.", "\(command)")
        }
        var t = POP3SessionDriver.loggedIn()
        for command in ["USER bob", "PASS x", "AUTH PLAIN", "STLS", "UTF8", "APOP a b"] {
            t.send(command + "\r\n")
            #expect(t.lastStatus == "-ERR Command not valid in TRANSACTION state.", "\(command)")
        }
        #expect(t.actions.filter { if case .openMaildrop = $0 { true } else { false } }.count == 1)
    }

    /// RFC 1939 §7: PASS is valid only immediately after a successful USER.
    @Test func passNeedsUserRightBeforeIt() {
        var d = POP3SessionDriver()
        d.send("PASS secret\r\nUSER alice\r\nCAPA\r\nPASS secret\r\n")
        #expect(d.statusLines == ["+OK pop.example.test POP3 server ready", "-ERR No username given.", "+OK",
                                  "+OK Capability list follows", "-ERR No username given."])
        #expect(d.session.state == .authorization)
    }

    /// RFC 3206 §5: failed credentials carry [AUTH]; the client may try again.
    @Test func wrongPasswordThenRight() {
        var d = POP3SessionDriver()
        d.send("USER alice\r\nPASS wrong\r\n")
        #expect(d.lastStatus == "-ERR [AUTH] Authentication failed.")
        #expect(d.session.state == .authorization)
        #expect(d.session.authenticatedUser == nil)
        d.send("USER alice\r\nPASS secret\r\n")
        #expect(d.session.state == .transaction)
    }

    @Test func apopIsRefused() {
        var d = POP3SessionDriver()
        d.send("APOP mrose c4c9334bac560ecc979e58001b3e22fb\r\n")
        #expect(d.lastStatus == "-ERR APOP is not supported.")
    }

    /// RFC 2449 §8.1.2 IN-USE and RFC 3206 §4 SYS/TEMP, SYS/PERM: the login
    /// fails and the session stays in AUTHORIZATION (RFC 1939 §4).
    @Test(arguments: [
        (POP3MaildropFailure.locked, "-ERR [IN-USE] Mailbox is locked by another POP3 session."),
        (.temporary, "-ERR [SYS/TEMP] Unable to open the mailbox, try again later."),
        (.permanent, "-ERR [SYS/PERM] Unable to open the mailbox."),
    ])
    func maildropCannotBeOpened(failure: POP3MaildropFailure, status: String) {
        var d = POP3SessionDriver()
        d.maildropFailure = failure
        d.send("USER alice\r\nPASS secret\r\n")
        #expect(d.lastStatus == status)
        #expect(d.session.state == .authorization)
        #expect(d.session.authenticatedUser == nil)
        d.maildropFailure = nil
        d.send("USER alice\r\nPASS secret\r\nQUIT\r\n")
        #expect(d.releases == 1)
    }

    @Test func messageThatCannotBeLoaded() {
        var d = POP3SessionDriver.loggedIn()
        d.loadFails = true
        d.send("RETR 1\r\nNOOP\r\n")
        #expect(d.statusLines.suffix(2) == ["-ERR [SYS/TEMP] Message 1 could not be read, try again later.", "+OK"])
    }

    /// RFC 1939 §6: if the deletions fail, QUIT says so; the maildrop is still released.
    @Test func failedUpdate() {
        var d = POP3SessionDriver.loggedIn()
        d.commitFails = true
        d.send("DELE 2\r\nQUIT\r\n")
        #expect(d.commits == [[102]])
        #expect(d.lastStatus == "-ERR [SYS/TEMP] some deleted messages not removed")
        #expect(d.actions.suffix(2) == [.releaseMaildrop, .close])
    }

    @Test func quitInAuthorizationCommitsNothing() {
        var d = POP3SessionDriver()
        d.send("USER alice\r\nQUIT\r\nNOOP\r\n")
        #expect(d.lastStatus == "+OK pop.example.test POP3 server signing off")
        #expect(d.closed)
        #expect(d.commits.isEmpty)
        #expect(d.releases == 0)
        #expect(d.sent.count == 3, "nothing after QUIT is answered")
    }

    /// RFC 1939 §3: a session that ends without QUIT does not enter UPDATE
    /// and removes nothing.
    @Test func droppedConnectionCommitsNothing() {
        var d = POP3SessionDriver.loggedIn()
        d.send("DELE 1\r\nDELE 2\r\n")
        let sentBefore = d.sent.count
        d.event(.disconnected)
        #expect(d.commits.isEmpty)
        #expect(d.releases == 1)
        #expect(!d.closed, "the connection is already gone")
        d.send("QUIT\r\n")
        d.event(.idleTimeout)
        #expect(d.sent.count == sentBefore)
        #expect(d.commits.isEmpty)
        #expect(d.releases == 1)
    }

    /// RFC 1939 §3 allows closing silently on inactivity; Carrier says why, as Dovecot does.
    @Test(arguments: [
        (POP3ServerEvent.idleTimeout, "-ERR Disconnected for inactivity."),
        (.shutdown, "-ERR Server shutting down."),
    ])
    func serverSideEndsCommitNothing(event: POP3ServerEvent, status: String) {
        var d = POP3SessionDriver.loggedIn()
        d.send("DELE 1\r\n")
        d.event(event)
        #expect(d.actions.suffix(3) == [.send(Array("\(status)\r\n".utf8)), .releaseMaildrop, .close])
        #expect(d.commits.isEmpty)
        var a = POP3SessionDriver()
        a.event(event)
        #expect(a.actions.suffix(2) == [.send(Array("\(status)\r\n".utf8)), .close])
    }

    @Test func tooManyBadCommandsCloses() {
        var d = POP3SessionDriver { $0.maximumBadCommands = 3 }
        d.send("USER alice\r\nPASS secret\r\nXYZZY\r\nRETR 9\r\nNOOP\r\nLIST x\r\nNOOP\r\n")
        #expect(d.statusLines.suffix(5) == ["-ERR Unknown command.", "-ERR no such message, only 3 messages in maildrop",
                                            "+OK", "-ERR Invalid message number.", "-ERR Too many bad commands."])
        #expect(d.actions.suffix(2) == [.releaseMaildrop, .close])
        #expect(d.commits.isEmpty)
    }

    /// RFC 2449 §6.6 PIPELINING: a batch in one read is answered in order,
    /// exactly as the same commands sent one by one or byte by byte.
    @Test func pipelinedBatchEqualsDripFeed() {
        let commands = ["USER alice", "PASS secret", "STAT", "LIST", "UIDL 2", "RETR 1", "TOP 3 2", "DELE 1", "DELE 3",
                        "RSET", "DELE 2", "NOOP", "QUIT"]
        var batch = POP3SessionDriver()
        batch.send(commands.map { $0 + "\r\n" }.joined())
        var oneByOne = POP3SessionDriver()
        for command in commands { oneByOne.send(command + "\r\n") }
        var drip = POP3SessionDriver()
        for byte in commands.map({ $0 + "\r\n" }).joined().utf8 { drip.feed([byte]) }
        #expect(batch.sent.count == commands.count + 1)
        #expect(batch.sent == oneByOne.sent)
        #expect(batch.sent == drip.sent)
        #expect(batch.actions == drip.actions)
        #expect(batch.commits == [[102]])
    }

    /// Commands queued behind an answer the transport has not given yet wait for it.
    @Test func pipelinedCommandsWaitForPendingAnswers() {
        var s = Self.session()
        #expect(s.handle(.bytes(Array("USER alice\r\nPASS secret\r\nSTAT\r\n".utf8)))
            == [.send(Array("+OK\r\n".utf8)), .verifyPassword(user: "alice", password: "secret")])
        #expect(s.isAwaitingTransport)
        #expect(s.queuedCommandCount == 1)
        #expect(s.handle(.bytes(Array("NOOP\r\n".utf8))) == [])
        #expect(s.handle(.authenticated("alice")) == [.openMaildrop(user: "alice")])
        let info = POP3MessageInfo(uid: 9, size: 5, uniqueID: "X")
        #expect(s.handle(.maildropOpened([info])) == [
            .send(Array("+OK maildrop has 1 message (5 octets)\r\n".utf8)),
            .send(Array("+OK 1 5\r\n".utf8)),
            .send(Array("+OK\r\n".utf8)),
        ])
        #expect(!s.isAwaitingTransport)
    }

    /// The pipelining bound: a client that queues more than
    /// `maximumQueuedCommands` behind a pending answer is disconnected.
    @Test func queuedCommandsAreBounded() {
        var s = Self.session { $0.maximumQueuedCommands = 5 }
        _ = s.handle(.bytes(Array("USER alice\r\nPASS secret\r\n".utf8)))
        #expect(s.handle(.bytes(Array(String(repeating: "NOOP\r\n", count: 5).utf8))) == [])
        #expect(s.queuedCommandCount == 5)
        #expect(s.handle(.bytes(Array("NOOP\r\n".utf8)))
            == [.send(Array("-ERR Too many pipelined commands.\r\n".utf8)), .close])
        #expect(s.queuedCommandCount == 0)
        #expect(s.handle(.authenticated("alice")) == [])
    }

    /// A maildrop being opened or updated when the connection ends is released
    /// once the transport's answer arrives, and nothing else happens.
    @Test func lateAnswersReleaseTheMaildrop() {
        var opening = Self.session()
        _ = opening.handle(.bytes(Array("USER alice\r\nPASS secret\r\n".utf8)))
        #expect(opening.handle(.authenticated("alice")) == [.openMaildrop(user: "alice")])
        #expect(opening.handle(.disconnected) == [])
        #expect(opening.handle(.maildropOpened([])) == [.releaseMaildrop])
        #expect(opening.handle(.maildropOpened([])) == [])

        var updating = Self.session()
        _ = updating.handle(.bytes(Array("USER alice\r\nPASS secret\r\n".utf8)))
        _ = updating.handle(.authenticated("alice"))
        _ = updating.handle(.maildropOpened([POP3MessageInfo(uid: 9, size: 5, uniqueID: "X")]))
        #expect(updating.handle(.bytes(Array("DELE 1\r\nQUIT\r\n".utf8))).last == .commitDeletions([9]))
        #expect(updating.state == .update)
        #expect(updating.handle(.disconnected) == [])
        #expect(updating.handle(.deletionsCommitted) == [.releaseMaildrop])
    }

    /// Answers the session did not ask for are ignored.
    @Test func unexpectedAnswersAreIgnored() {
        var s = Self.session()
        for event: POP3ServerEvent in [.tlsEstablished, .saslChallenge("x"), .authenticated("mallory"), .maildropOpened([]),
                                       .messageLoaded([1]), .messageLoadFailed, .deletionsCommitted, .deletionsFailed,
                                       .authenticationFailed(.authenticationFailed), .maildropFailed(.locked)] {
            #expect(s.handle(event) == [], "\(event)")
        }
        #expect(s.state == .authorization)
        #expect(s.authenticatedUser == nil)
    }

    static func session(_ configure: (inout POP3ServerConfiguration) -> Void = { _ in }) -> POP3ServerSession {
        var config = POP3ServerConfiguration(hostname: "pop.example.test")
        config.allowPlaintextWithoutTLS = true
        configure(&config)
        var s = POP3ServerSession(configuration: config)
        _ = s.handle(.connected)
        return s
    }
}
