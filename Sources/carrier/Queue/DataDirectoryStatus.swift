import CarrierConfig
import CarrierServer

/// Whether a server runs on this configuration's data directory, from its pid-file lock.
enum DataDirectoryStatus {
    static func serverPID(_ settings: CarrierSettings) -> Int32? {
        DataDirectoryLock.runningServerPID(dataDirectory: settings.dataDirectory)
    }
}
