/// The release this build reports in logs (`daemon started -- version ...`).
public enum CarrierVersion {
    public static let current = "0.1.0"
}
