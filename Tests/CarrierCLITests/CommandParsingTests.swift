import Testing
@testable import carrier

@Suite struct CommandParsingTests {
    @Test(arguments: [["config", "check"], ["config", "--config", "f.cf", "check"], ["config", "check", "--config", "f.cf"]])
    func checkIsAVerbNotAKey(arguments: [String]) throws {
        let command = try #require(try CarrierCommand.parseAsRoot(arguments) as? ConfigCommand)
        #expect(command.keys == [ConfigCommand.checkVerb])
    }

    @Test(arguments: [["config", "check", "myhostname"], ["config", "-d", "check"]])
    func checkTakesNothingElse(arguments: [String]) {
        #expect(throws: (any Error).self) { try CarrierCommand.parseAsRoot(arguments) }
    }

    @Test func configurationFileOptionReachesSubcommands() throws {
        let command = try #require(
            try CarrierCommand.parseAsRoot(["user", "add", "alice", "--admin", "--password-stdin", "--config", "c.cf"])
                as? UserAddCommand)
        #expect(command.global.configFile == "c.cf")
        #expect(command.address == "alice")
        #expect(command.admin && command.passwordStdin)
    }

    @Test func postmapQueryTakesAKeyAndATable() throws {
        let command = try #require(try CarrierCommand.parseAsRoot(["postmap", "-q", "KEY", "hash:/etc/x"]) as? PostmapCommand)
        #expect(command.query == "KEY")
        #expect(command.table == "hash:/etc/x")
    }
}
