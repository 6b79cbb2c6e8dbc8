using System.Text;
using StandbyOps.Metrics.TextFormat;

namespace StandbyOps.Metrics.Tests.TextFormat;

public class RoundTripTests
{
    [Fact]
    public void Families_with_escapes_and_special_values_parse_back_into_the_same_families()
    {
        IReadOnlyList<MetricFamily> expected =
        [
            new MetricFamily("escapes_total", "Help with \\ backslash,\nnewline and \"quotes\".", MetricType.Counter,
                [new MetricSample("escapes_total", LabelSet.Of(("value", "back\\slash \"quoted\"\nnext line, Προμηθεύς")), 2)]),
            new MetricFamily("special_values", "NaN and infinities.", MetricType.Gauge,
            [
                new MetricSample("special_values", LabelSet.Of(("kind", "inf")), double.PositiveInfinity),
                new MetricSample("special_values", LabelSet.Of(("kind", "nan")), double.NaN),
                new MetricSample("special_values", LabelSet.Of(("kind", "tiny")), double.Epsilon),
            ]),
            new MetricFamily("temperature_celsius", "Temperature.", MetricType.Gauge,
                [new MetricSample("temperature_celsius", LabelSet.Of(("room", "")), -3.5)]),
        ];

        var parsed = TextFormatParser.Parse(TextFormatWriter.Render(expected));

        Assert.Equal(expected, parsed);
    }

    [Fact]
    public void Random_families_survive_write_then_parse()
    {
        var random = new Random(4242);
        for (var round = 0; round < 300; round++)
        {
            var families = RandomFamilies(random);

            var parsed = TextFormatParser.Parse(TextFormatWriter.Render(families));

            Assert.Equal(families, parsed);
        }
    }

    private static List<MetricFamily> RandomFamilies(Random random)
    {
        var families = new List<MetricFamily>();
        var familyCount = random.Next(1, 5);
        for (var f = 0; f < familyCount; f++)
        {
            var name = $"family_{f}_{(char)('a' + random.Next(26))}";
            var type = (MetricType)random.Next(0, 3);
            var samples = new List<MetricSample>();
            var seen = new HashSet<LabelSet>();
            var sampleCount = random.Next(1, 6);
            for (var s = 0; s < sampleCount; s++)
            {
                var labels = LabelSet.Of(("a", RandomText(random)), ("b_2", RandomText(random)));
                if (seen.Add(labels))
                {
                    long? timestamp = random.Next(4) == 0 ? random.NextInt64(long.MinValue, long.MaxValue) : null;
                    samples.Add(new MetricSample(name, labels, RandomValue(random), timestamp));
                }
            }

            var help = random.Next(3) == 0 ? null : "x" + RandomText(random);
            families.Add(new MetricFamily(name, help, type, samples));
        }

        return families;
    }

    private static string RandomText(Random random)
    {
        // Everything but CR, which the strict parser refuses anywhere in a body.
        string[] alphabet = ["a", "b", " ", "\\", "\"", "\n", "\t", "{", "}", "=", ",", "#", "é", "日", "😀"];
        var builder = new StringBuilder();
        var length = random.Next(0, 8);
        for (var i = 0; i < length; i++)
        {
            builder.Append(alphabet[random.Next(alphabet.Length)]);
        }

        return builder.ToString();
    }

    private static double RandomValue(Random random) => random.Next(6) switch
    {
        0 => double.NaN,
        1 => double.NegativeInfinity,
        2 => random.Next(-1000, 1000),
        _ => BitConverter.Int64BitsToDouble(random.NextInt64()),
    };
}
