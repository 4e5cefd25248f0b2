import CarrierStore
import IMAPProtocol
import MailCore

/// A FETCH whose responses go out over several steps, so that one command
/// never holds more than about `IMAPConnection.outputBudget` of output and
/// a client that stops reading stops the command. A large literal is one
/// of the things left for a later step: the run keeps the range of the
/// opened body still to send, never the octets.
struct IMAPFetchRun {
    let tag: String
    let uid: Bool
    let attributes: [IMAPFetchAttribute]
    /// The indexes of the messages still to answer for.
    var remaining: ArraySlice<Int>
    /// Messages this FETCH marked \Seen: their FLAGS go with the response.
    let newlySeen: Set<Int>
    /// The rest of a response the last step could not finish, in order.
    var pending: [IMAPFetchSegment] = []
    /// MIME skeletons read ahead for messages in `remaining`, by body hash;
    /// each is dropped once its message is answered.
    var skeletons: [String: MIMESkeleton] = [:]
    /// Whether any attribute needs the messages' skeletons.
    let needsSkeletons: Bool
    /// Whether every attribute is known from the message list alone.
    let answersFromEntries: Bool

    init(tag: String, uid: Bool, attributes: [IMAPFetchAttribute], remaining: ArraySlice<Int>, newlySeen: Set<Int>) {
        self.tag = tag
        self.uid = uid
        self.attributes = attributes
        self.remaining = remaining
        self.newlySeen = newlySeen
        needsSkeletons = attributes.contains(where: IMAPFetchBuilder.needsSkeleton)
        answersFromEntries = attributes.allSatisfy(IMAPFetchBuilder.answeredByEntry)
    }
}

/// A piece of a FETCH response: octets ready to send, or a range of an
/// opened stored body, sent as it is read.
enum IMAPFetchSegment {
    case octets([UInt8])
    case body(any StoredBodyReader, Range<Int>)
}
