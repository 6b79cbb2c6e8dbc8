using System.Globalization;

namespace StandbyOps.Server.Web;

/// <summary>Amounts and hours as finance reads them: invariant digits, two decimals, the currency code after the amount.</summary>
public static class WebMoney
{
    /// <summary><c>1,450.00 EUR</c>: whatever the server's culture, so a page never shows <c>1.450,00</c> on one host and <c>1,450.00</c> on another.</summary>
    public static string Amount(decimal amount, string currency) =>
        $"{amount.ToString("#,0.00", CultureInfo.InvariantCulture)} {currency}";

    /// <summary>Hours with two decimals (<c>2.50</c>).</summary>
    public static string Hours(decimal hours) => hours.ToString("0.00", CultureInfo.InvariantCulture);

    /// <summary>A percentage without needless zeros (<c>150</c>, <c>12.5</c>).</summary>
    public static string Percent(decimal percent) => percent.ToString("0.##", CultureInfo.InvariantCulture);
}
