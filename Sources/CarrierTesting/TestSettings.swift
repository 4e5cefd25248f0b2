import CarrierConfig

/// Settings for in-process tests: `mx.example.test` with the local domains
/// `example.test` and `localhost`, a hosted domain `hosted.test`, the data
/// directory in `directory`, SMTP on an ephemeral loopback port, nothing else listening.
public enum TestSettings {
    public static func make(directory: String) -> CarrierSettings {
        var s = CarrierSettings.defaults(hostname: "mx.example.test")
        s.mydestination = ["mx.example.test", "example.test", "localhost"]
        s.virtualMailboxDomains = ["hosted.test"]
        s.dataDirectory = directory
        s.maillogFile = directory + "/log/mail.log"
        s.maillogErrorFile = directory + "/log/mail.err"
        s.smtpdListen = [ListenAddress(host: "127.0.0.1", port: 0)]
        s.submissionListen = []
        s.submissionsListen = []
        s.imapListen = []
        s.imapsListen = []
        s.pop3Listen = []
        s.pop3sListen = []
        return s
    }
}
