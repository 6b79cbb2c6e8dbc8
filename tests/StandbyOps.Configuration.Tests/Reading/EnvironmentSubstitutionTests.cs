using StandbyOps.Configuration.Reading;

namespace StandbyOps.Configuration.Tests.Reading;

public sealed class EnvironmentSubstitutionTests
{
    private static readonly Func<string, string?> Environment = name => name switch
    {
        "HOST" => "db.example.net",
        "EMPTY" => "",
        _ => null,
    };

    [Fact]
    public void Several_references_are_resolved_in_one_value()
    {
        var result = EnvironmentSubstitution.Resolve("tcp://${HOST}:5432/${HOST}", Environment);

        Assert.Equal(("tcp://db.example.net:5432/db.example.net", true), (result.Value, result.UsedEnvironment));
        Assert.Empty(result.Missing);
    }

    [Fact]
    public void Unset_and_empty_variables_are_both_missing()
    {
        var result = EnvironmentSubstitution.Resolve("${NOPE}-${EMPTY}", Environment);

        Assert.Equal(["NOPE", "EMPTY"], result.Missing);
    }

    [Fact]
    public void A_dollar_that_starts_no_reference_is_kept()
    {
        var result = EnvironmentSubstitution.Resolve("costs $5 or $${HOST}", Environment);

        Assert.Equal(("costs $5 or ${HOST}", false), (result.Value, result.UsedEnvironment));
    }

    [Theory]
    [InlineData("${HOST")]
    [InlineData("${1HOST}")]
    [InlineData("${}")]
    public void A_malformed_reference_is_a_syntax_problem(string raw)
    {
        Assert.NotNull(EnvironmentSubstitution.Resolve(raw, Environment).SyntaxProblem);
    }
}
