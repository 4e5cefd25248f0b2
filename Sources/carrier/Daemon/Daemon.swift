import CarrierConfig
import Foundation

/// Process plumbing for `start`: spawning the server detached (new session,
/// stdin and stdout on /dev/null, stderr to a file) with posix_spawn, which is
/// safe in a multi-threaded process where fork is not.
enum Daemon {
    /// This binary, as the kernel knows it.
    static var ownExecutable: String {
        (try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe")) ?? CommandLine.arguments[0]
    }

    /// glibc's `POSIX_SPAWN_SETSID` (since 2.26; the macro is not imported into Swift).
    static let posixSpawnSetSID: Int16 = 0x80

    static func spawn(executable: String, arguments: [String], standardError: String) throws -> pid_t {
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
        posix_spawn_file_actions_addopen(&actions, 1, "/dev/null", O_WRONLY, 0)
        posix_spawn_file_actions_addopen(&actions, 2, standardError, O_WRONLY | O_CREAT | O_TRUNC, 0o640)
        var attributes = posix_spawnattr_t()
        posix_spawnattr_init(&attributes)
        defer { posix_spawnattr_destroy(&attributes) }
        posix_spawnattr_setflags(&attributes, posixSpawnSetSID)
        let argv = ([executable] + arguments).map { strdup($0) } + [nil]
        defer { argv.forEach { free($0) } }
        var pid: pid_t = 0
        let result = posix_spawn(&pid, executable, &actions, &attributes, argv, environ)
        guard result == 0 else {
            throw CommandFailure(message: "fatal: cannot start \(executable): \(String(cString: strerror(result)))",
                                 status: ExitStatus.temporaryFailure)
        }
        return pid
    }

    /// True while `pid` runs (a zombie child is reaped and counts as gone).
    static func isAlive(_ pid: pid_t) -> Bool {
        var status: Int32 = 0
        if waitpid(pid, &status, WNOHANG) == pid { return false }
        return kill(pid, 0) == 0
    }

    /// True when every address accepts a TCP connection (an empty list is vacuously true).
    static func listening(_ addresses: [ListenAddress]) -> Bool {
        addresses.allSatisfy { address in
            let fd = socket(address.host.contains(":") ? AF_INET6 : AF_INET, Int32(SOCK_STREAM.rawValue), 0)
            guard fd >= 0 else { return false }
            defer { close(fd) }
            if address.host.contains(":") {
                var sa = sockaddr_in6()
                sa.sin6_family = sa_family_t(AF_INET6)
                sa.sin6_port = in_port_t(UInt16(address.port).bigEndian)
                inet_pton(AF_INET6, address.host, &sa.sin6_addr)
                return withUnsafePointer(to: &sa) { $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                    connect(fd, $0, socklen_t(MemoryLayout<sockaddr_in6>.size)) == 0 } }
            }
            var sa = sockaddr_in()
            sa.sin_family = sa_family_t(AF_INET)
            sa.sin_port = in_port_t(UInt16(address.port).bigEndian)
            let host = address.host == "0.0.0.0" ? "127.0.0.1" : address.host
            guard inet_pton(AF_INET, host, &sa.sin_addr) == 1 else { return true }
            return withUnsafePointer(to: &sa) { $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                connect(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) == 0 } }
        }
    }
}
