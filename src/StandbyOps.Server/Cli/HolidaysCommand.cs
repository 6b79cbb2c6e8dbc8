using System.CommandLine;
using NodaTime;
using Spectre.Console;
using StandbyOps.Core.Holidays;
using StandbyOps.Server.Api;

namespace StandbyOps.Server.Cli;

/// <summary><c>holidays --set NL --year 2026</c>: lists a built-in holiday set's holidays (no server or store needed).</summary>
public static class HolidaysCommand
{
    /// <summary>Builds the <c>holidays</c> command.</summary>
    public static Command Build(IClock clock)
    {
        ArgumentNullException.ThrowIfNull(clock);
        var set = new Option<string>("--set") { Description = $"One of: {string.Join(", ", HolidayRuleSet.Names)}.", Required = true };
        var year = new Option<string?>("--year") { Description = "The year (default: this year, UTC)." };
        var command = new Command("holidays", "List the public holidays of a holiday set in a year.") { set, year };
        command.SetAction(result => Run(
            result.GetValue(set), result.GetValue(year), clock.GetCurrentInstant().InUtc().Year, result.InvocationConfiguration.Output, result.InvocationConfiguration.Error));
        return command;
    }

    /// <summary>Prints the holidays: a table on a terminal, <c>date&lt;TAB&gt;name</c> lines when redirected. 0 on success, 1 on bad input.</summary>
    public static int Run(string? set, string? year, int defaultYear, TextWriter output, TextWriter error)
    {
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(error);
        var errors = HolidaysApi.Validate(set, year, defaultYear, out var ruleSet, out var parsedYear);
        if (errors.Count > 0)
        {
            foreach (var (field, messages) in errors)
            {
                error.WriteLine($"--{field}: {string.Join(" ", messages)}");
            }

            return 1;
        }

        var holidays = HolidaysApi.Holidays(ruleSet!, parsedYear);
        // Scripts read plain lines; only an interactive console gets the table.
        if (ReferenceEquals(output, Console.Out) && !Console.IsOutputRedirected)
        {
            var table = new Table().Title($"{ruleSet!.Name} holidays {parsedYear}").AddColumn("Date").AddColumn("Day").AddColumn("Name");
            foreach (var holiday in holidays)
            {
                var date = NodaTime.Text.LocalDatePattern.Iso.Parse(holiday.Date).Value;
                table.AddRow(Markup.Escape(holiday.Date), date.DayOfWeek.ToString()[..3], Markup.Escape(holiday.Name));
            }

            AnsiConsole.Write(table);
            return 0;
        }

        foreach (var holiday in holidays)
        {
            output.WriteLine($"{holiday.Date}\t{holiday.Name}");
        }

        return 0;
    }
}
