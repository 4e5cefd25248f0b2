import CarrierConfig
import MailCore

extension MailCommand {
    /// The From of what this command sends (new mail and replies): the `-r`
    /// address, else `login@$myorigin`.
    func senderAddress(_ settings: CarrierSettings) throws(CommandFailure) -> MailboxAddress {
        guard let text = from else { return MailboxAddress(localPart: LocalSubmission.loginName, domain: settings.myorigin) }
        let parsed = try AddressArguments.parse([text], myorigin: settings.myorigin)
        guard parsed.count == 1 else { throw .usage("-r takes one address: \(text)") }
        return parsed[0]
    }
}
