import CarrierConfig
import Foundation

/// `postqueue -f` / `sendmail -q`: asks the running server (SIGUSR1) to pick up
/// the maildrop and retry queued mail now.
enum QueueFlush {
    static func request(settings: CarrierSettings) throws(CommandFailure) {
        guard let pid = DataDirectoryStatus.serverPID(settings) else {
            throw .temporary("postqueue: fatal: Cannot flush mail queue - mail system is down")
        }
        guard kill(pid, SIGUSR1) == 0 else {
            throw .temporary("postqueue: fatal: cannot signal the mail system (pid \(pid)): \(String(cString: strerror(errno)))")
        }
    }
}
