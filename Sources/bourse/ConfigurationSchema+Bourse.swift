import BourseConfiguration

extension ConfigurationSchema {
    /// Every setting the `bourse` tool knows: the tables of the modules it links.
    ///
    /// A module that adds settings adds its table here.
    static func bourse() throws(ConfigurationSchemaError) -> ConfigurationSchema {
        try ConfigurationSchema(PlatformSettings.all + BacktestSettings.all + RunSettings.all + RiskSettings.all)
    }
}
