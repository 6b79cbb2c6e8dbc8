namespace StandbyOps.Billing;

/// <summary>What a stretch of billed time is charged as; the declaration order is the precedence and the report order.</summary>
public enum BillingCategory
{
    /// <summary>A holiday date of the contract's calendar, 00:00–24:00.</summary>
    Holiday,

    /// <summary>A weekend day's daytime range (default Saturday and Sunday 08:30–18:00).</summary>
    Weekend,

    /// <summary>Evening and night (default 18:00–08:30 the next morning).</summary>
    Night,

    /// <summary>Worked time after acknowledging a page during agreed standby.</summary>
    Callout,
}
