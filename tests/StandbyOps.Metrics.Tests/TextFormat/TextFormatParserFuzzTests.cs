using System.Text;
using StandbyOps.Metrics.TextFormat;

namespace StandbyOps.Metrics.Tests.TextFormat;

public class TextFormatParserFuzzTests
{
    private const int Bodies = 100_000;

    private static readonly string[] Seeds =
    [
        """
        # HELP sms_sent_total SMS accepted by Twilio.
        # TYPE sms_sent_total counter
        sms_sent_total{status="queued"} 12
        sms_sent_total{status="failed",reason="bad \"number\"\\n"} 1 1458255915000
        # HELP sms_send_duration_seconds Twilio API latency.\nSecond line.
        # TYPE sms_send_duration_seconds histogram
        sms_send_duration_seconds_bucket{le="0.1"} 3
        sms_send_duration_seconds_bucket{le="1e+00"} 4
        sms_send_duration_seconds_bucket{le="+Inf"} 12
        sms_send_duration_seconds_sum 2.5
        sms_send_duration_seconds_count 12

        """,
        """
        # a plain comment
        # TYPE rpc_duration_seconds summary
        rpc_duration_seconds{quantile="0.01"} 3102
        rpc_duration_seconds{quantile="0.5",} 4773
        rpc_duration_seconds{quantile="0.99"} 76656
        rpc_duration_seconds_sum 1.7560473e+07
        rpc_duration_seconds_count 2693
        # TYPE up gauge
        up{job="a", instance=""} 1
        up{job="b"}	-Inf	-12
        weird_untyped NaN

        """,
        "x 1\n",
        "metric_without_timestamp_and_labels 12.47\n# HELP h h\n# TYPE h histogram\nh_bucket{a=\"1\",le=\"+Inf\"} 0\nh_count{a=\"1\"} 0\n",
    ];

    private static readonly string[] Fragments =
    [
        "#", " ", "\t", "\n", "\r", "{", "}", "=", "\"", ",", "\\", "\\n", "\\\"", "\\\\", "a", "_", ":", "0", "1", "9", ".", "e", "E",
        "+", "-", "p", "x", "le", "quantile", "_bucket", "_sum", "_count", "Inf", "NaN", "HELP", "TYPE", "counter", "histogram",
        "summary", "gauge", "untyped", "__", "é", "日", "\0", "\uFEFF", "\uD800", "9223372036854775808", "1e400",
    ];

    [Fact]
    public async Task Random_and_mutated_bodies_only_ever_parse_or_throw_text_format_exceptions()
    {
        // A hang surfaces as a TimeoutException instead of a stuck test run.
        var (accepted, rejected) = await Task.Run(Fuzz).WaitAsync(TimeSpan.FromSeconds(60));

        Assert.Equal(Bodies, accepted + rejected);

        // Both sides must be exercised, or the mutations are too weak (or too strong) to mean anything.
        Assert.InRange(accepted, 1_000, Bodies - 1_000);
    }

    private static (int Accepted, int Rejected) Fuzz()
    {
        var random = new Random(1337);
        var accepted = 0;
        var rejected = 0;
        for (var i = 0; i < Bodies; i++)
        {
            var body = random.Next(10) == 0 ? RandomBody(random) : Mutate(random, Seeds[random.Next(Seeds.Length)]);
            try
            {
                var families = TextFormatParser.Parse(body);

                // What parses must also survive a rewrite unchanged, or the writer and parser disagree.
                var rewritten = TextFormatWriter.Render(families);
                if (!families.SequenceEqual(TextFormatParser.Parse(rewritten)))
                {
                    Assert.Fail($"rewriting changed {Show(body)} into {Show(rewritten)}");
                }

                accepted++;
            }
            catch (TextFormatException error)
            {
                if (error.Line < 1 || error.Column < 1)
                {
                    Assert.Fail($"bad position in '{error.Message}' for {Show(body)}");
                }

                rejected++;
            }
            catch (Exception error) when (error is not Xunit.Sdk.XunitException)
            {
                Assert.Fail($"{error.GetType().Name}: {error.Message} for body {Show(body)}");
            }
        }

        return (accepted, rejected);
    }

    private static string RandomBody(Random random)
    {
        var builder = new StringBuilder();
        var length = random.Next(0, 40);
        for (var i = 0; i < length; i++)
        {
            builder.Append(Fragments[random.Next(Fragments.Length)]);
        }

        return builder.ToString();
    }

    private static string Mutate(Random random, string seed)
    {
        var body = new StringBuilder(seed);
        var mutations = random.Next(1, 4);
        for (var m = 0; m < mutations; m++)
        {
            var at = random.Next(body.Length + 1);
            switch (random.Next(6))
            {
                case 0 when at < body.Length:
                    body[at] = (char)(body[at] ^ (1 << random.Next(7)));
                    break;
                case 1:
                    body.Insert(at, Fragments[random.Next(Fragments.Length)]);
                    break;
                case 2:
                    body.Remove(Math.Min(at, body.Length), Math.Min(random.Next(1, 6), body.Length - Math.Min(at, body.Length)));
                    break;
                case 3:
                    body.Length = at;
                    break;
                default:
                    var lines = body.ToString().Split('\n').ToList();
                    var line = random.Next(lines.Count);
                    if (random.Next(2) == 0)
                    {
                        lines.Insert(random.Next(lines.Count), lines[line]);
                    }
                    else
                    {
                        var other = random.Next(lines.Count);
                        (lines[line], lines[other]) = (lines[other], lines[line]);
                    }

                    body.Clear().AppendJoin('\n', lines);
                    break;
            }
        }

        return body.ToString();
    }

    private static string Show(string body) =>
        "\"" + body.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("\n", "\\n", StringComparison.Ordinal).Replace("\r", "\\r", StringComparison.Ordinal) + "\"";
}
