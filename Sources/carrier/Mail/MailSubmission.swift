import CarrierConfig
import Foundation
import MailCore

/// Sends an `OutgoingMail` the way `carrier mail` does for new messages and
/// replies: composed with today's date, a fresh Message-ID at `$myhostname`,
/// and queued in the maildrop for its envelope recipients.
struct MailSubmission {
    let settings: CarrierSettings

    /// Queues `mail`; returns the queue id. EX_DATAERR when it passes `message_size_limit`.
    func submit(_ mail: OutgoingMail) throws(CommandFailure) -> String {
        let now = Date()
        let seconds = Int64(now.timeIntervalSince1970)
        let unique = String(UInt64.random(in: 0...UInt64.max), radix: 36)
        let composer = MessageComposer(
            date: RFC5322Date.format(secondsSince1970: seconds, zoneOffsetMinutes: TimeZone.current.secondsFromGMT(for: now) / 60),
            messageID: "<\(seconds).\(unique)@\(settings.myhostname)>",
            boundarySeed: "\(String(seconds, radix: 36))_\(unique)")
        let content = composer.compose(mail)
        guard settings.messageSizeLimit == 0 || content.count <= settings.messageSizeLimit else {
            throw CommandFailure(message: "fatal: message too big (\(content.count) bytes, limit \(settings.messageSizeLimit))",
                                 status: ExitStatus.dataError)
        }
        return try LocalSubmission.submit(settings: settings, sender: mail.sender, recipients: mail.envelopeRecipients,
                                          content: content)
    }
}
