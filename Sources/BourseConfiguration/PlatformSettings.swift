/// Settings every part of the platform shares: where its data lives and how much it logs.
public enum PlatformSettings {
    /// The data directory: imported market data, journals, reports.
    public static let home = Setting(
        "home",
        type: .path,
        default: "./.bourse",
        summary: "Data directory for market data, journals and reports; relative paths are resolved "
            + "against the working directory.",
        environmentVariable: "BOURSE_HOME",
        flag: "--data-dir"
    )

    /// The least severe log level that is written.
    public static let logLevel = Setting(
        "log.level",
        type: .choice(LogLevel.self),
        default: .info,
        summary: "Least severe level written to the log.",
        flag: "--log-level"
    )

    /// This table, in the order reports list it.
    public static let all: [AnySetting] = [home.erased, logLevel.erased]
}
