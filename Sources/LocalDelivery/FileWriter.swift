#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Writes a whole buffer through a descriptor, as the delivery agents need it:
/// short writes continue, `EINTR` retries.
enum FileWriter {
    /// Writes `bytes` at `offset` with `pwrite`; 0 on success, else the `errno`.
    static func write(_ bytes: [UInt8], to fd: Int32, at offset: off_t) -> Int32 {
        bytes.withUnsafeBytes { raw in
            var done = 0
            while done < raw.count {
                let n = pwrite(fd, raw.baseAddress! + done, raw.count - done, offset + off_t(done))
                if n > 0 {
                    done += n
                } else if n < 0 && errno == EINTR {
                    continue
                } else {
                    return n < 0 ? errno : EIO
                }
            }
            return 0
        }
    }
}
