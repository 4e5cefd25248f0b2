import CarrierAuth
import CarrierConfig
import CarrierStore
import Logging
import MailCore
import SMTPProtocol

/// The SASL exchanges of one SMTP connection (RFC 4954): the shared
/// `AccountAuthenticator`, with its outcomes as SMTP replies.
final class SMTPAuthentication: @unchecked Sendable {
    let services: IngressServices
    let authenticator: AccountAuthenticator

    init(services: IngressServices, client: ClientInfo) {
        self.services = services
        authenticator = AccountAuthenticator(services: services, client: client, log: services.smtpdLogger)
    }

    var mechanism: String { authenticator.mechanism }
    var authenticatedAccount: String? { authenticator.authenticatedAccount }

    func begin(_ mechanismName: String, _ initialResponse: String?) async -> SMTPServerEvent {
        event(await authenticator.begin(mechanismName, initialResponse))
    }

    func receive(_ line: String) async -> SMTPServerEvent {
        event(await authenticator.receive(line))
    }

    private func event(_ outcome: AccountAuthenticator.Outcome) -> SMTPServerEvent {
        switch outcome {
        case .challenge(let text): .saslChallenge(text)
        case .success(let authenticationID, _): .authenticated(authenticationID)
        case .failure(let failure): .authenticationFailed(SMTPReply(failure.smtpCode, failure.enhancedCode, failure.text))
        case .lockedOut:
            .authenticationFailed(SMTPReply(454, .init(4, 7, 0), "Temporary authentication failure: too many failed attempts, try again later"))
        case .unsupportedMechanism: .authenticationFailed(SMTPReply(504, .init(5, 5, 4), "Error: unsupported authentication mechanism"))
        }
    }

    /// `reject_sender_login_mismatch`: on submission the envelope sender must be
    /// one of the user's addresses — its own, or an alias that delivers to it.
    func senderBelongsToUser(_ sender: EmailAddress?) -> Bool {
        guard let sender, let user = authenticatedAccount else { return true }
        if services.settings.accountKey(forAddress: sender.description) == user { return true }
        guard case .local(let targets) = services.router.route(sender, relayPermitted: false, in: services.directory.snapshot) else {
            return false
        }
        return targets.contains { target in
            if case .store(_, let account, _) = target.destination { return account == user }
            return false
        }
    }
}
