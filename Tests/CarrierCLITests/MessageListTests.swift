import Testing
@testable import carrier

@Suite struct MessageListTests {
    /// Resolves `words` among 5 messages with message 3 (index 2) deleted and message 2 current.
    func resolve(_ words: [String], deletedOnly: Bool = false) throws -> [Int] {
        let deleted: Set = [2]
        return try MessageList.parse(words).resolve(count: 5, dot: 1) { deletedOnly ? deleted.contains($0) : !deleted.contains($0) }
            .map { $0 + 1 }
    }

    @Test func itemsNameMessagesAscendingOnce() throws {
        #expect(try resolve(["4", "1", "4"]) == [1, 4])
        #expect(try resolve(["1-5"]) == [1, 2, 4, 5])
        #expect(try resolve(["*"]) == [1, 2, 4, 5])
        #expect(try resolve(["$"]) == [5])
        #expect(try resolve(["^"]) == [1])
        #expect(try resolve(["."]) == [2])
        #expect(try resolve(["5", "2-4"]) == [2, 4, 5])
    }

    @Test func emptyListIsTheCurrentMessageOrTheNearestEligible() throws {
        #expect(try resolve([]) == [2])
        #expect(try resolve([], deletedOnly: true) == [3])
    }

    @Test func deletedMessagesAreOnlyForUndelete() throws {
        #expect(throws: ReaderError(message: "3: Inappropriate message")) { try resolve(["3"]) }
        #expect(try resolve(["3"], deletedOnly: true) == [3])
        #expect(try resolve(["*"], deletedOnly: true) == [3])
    }

    @Test func numbersOutsideTheMailboxAreRefused() {
        #expect(throws: ReaderError(message: "6: Invalid message number")) { try resolve(["6"]) }
        #expect(throws: ReaderError(message: "0: Invalid message number")) { try resolve(["0"]) }
        #expect(throws: ReaderError(message: "9: Invalid message number")) { try resolve(["4-9"]) }
    }

    @Test func nothingEligibleIsReported() {
        #expect(throws: ReaderError(message: "No applicable messages")) {
            try MessageList().resolve(count: 2, dot: 0) { _ in false }
        }
    }
}
