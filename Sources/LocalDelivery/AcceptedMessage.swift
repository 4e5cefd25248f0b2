import CarrierStore

/// A message the SMTP server has received completely and cleanup has finished,
/// ready to be committed.
public struct AcceptedMessage: Sendable {
    public var queueID: String
    /// The reverse path as logged (`from=<>` for bounces).
    public var sender: String
    public var content: [UInt8]
    public var metadata: MessageMetadata
    /// Wall-clock arrival (seconds since 1970) and the monotonic instant of
    /// arrival, for the `delay=` and `delays=` log fields.
    public var arrival: Int64
    public var arrivalInstant: ContinuousClock.Instant
    public var envelopeID: String?
    public var dsnReturn: String?

    public init(queueID: String, sender: String, content: [UInt8], metadata: MessageMetadata, arrival: Int64,
                arrivalInstant: ContinuousClock.Instant, envelopeID: String? = nil, dsnReturn: String? = nil) {
        self.queueID = queueID
        self.sender = sender
        self.content = content
        self.metadata = metadata
        self.arrival = arrival
        self.arrivalInstant = arrivalInstant
        self.envelopeID = envelopeID
        self.dsnReturn = dsnReturn
    }
}

/// One local mailbox to deliver into, with the addresses to log.
public struct LocalRecipient: Equatable, Sendable {
    public var destination: LocalDestination
    /// `to=<...>` in the log.
    public var finalAddress: String
    /// The envelope recipient (`orig_to=<...>` when it differs from `finalAddress`).
    public var envelopeAddress: String

    public init(destination: LocalDestination, finalAddress: String, envelopeAddress: String) {
        self.destination = destination
        self.finalAddress = finalAddress
        self.envelopeAddress = envelopeAddress
    }
}
