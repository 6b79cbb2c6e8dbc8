using StandbyOps.Paging.Sms;

namespace StandbyOps.Paging.Tests.Sms;

public sealed class SmsSegmentsTests
{
    public static TheoryData<string, string, SmsCharset, int, int> Table => new()
    {
        { "empty", string.Empty, SmsCharset.Gsm7, 0, 0 },
        { "160 plain", new string('a', 160), SmsCharset.Gsm7, 160, 1 },
        { "161 plain", new string('a', 161), SmsCharset.Gsm7, 161, 2 },
        { "306 plain", new string('a', 306), SmsCharset.Gsm7, 306, 2 },
        { "307 plain", new string('a', 307), SmsCharset.Gsm7, 307, 3 },
        { "80 euro signs", new string('€', 80), SmsCharset.Gsm7, 160, 1 },
        { "81 euro signs", new string('€', 81), SmsCharset.Gsm7, 162, 2 },
        { "escape pair not split", new string('a', 152) + "€" + new string('a', 152), SmsCharset.Gsm7, 306, 3 },
        { "gsm accents", "Ärger über Öl: é è ñ ß Ø", SmsCharset.Gsm7, 24, 1 },
        { "70 ucs2", new string('中', 70), SmsCharset.Ucs2, 70, 1 },
        { "71 ucs2", new string('中', 71), SmsCharset.Ucs2, 71, 2 },
        { "134 ucs2", new string('中', 134), SmsCharset.Ucs2, 134, 2 },
        { "135 ucs2", new string('中', 135), SmsCharset.Ucs2, 135, 3 },
        { "one non-gsm char", new string('a', 100) + "ł", SmsCharset.Ucs2, 101, 2 },
        { "35 emoji", string.Concat(Enumerable.Repeat("😀", 35)), SmsCharset.Ucs2, 70, 1 },
        { "surrogate pair not split", new string('中', 66) + "😀" + new string('中', 66), SmsCharset.Ucs2, 134, 3 },
    };

    [Theory]
    [MemberData(nameof(Table))]
    public void Measure_counts_charset_units_and_segments(string name, string text, SmsCharset charset, int units, int segments)
    {
        Assert.NotNull(name);
        Assert.Equal(new SmsSize(charset, units, segments), SmsSegments.Measure(text));
    }

    [Theory]
    [InlineData('^')]
    [InlineData('{')]
    [InlineData('}')]
    [InlineData('\\')]
    [InlineData('[')]
    [InlineData('~')]
    [InlineData(']')]
    [InlineData('|')]
    [InlineData('€')]
    public void Extension_characters_take_two_septets(char c) => Assert.Equal(2, SmsSegments.Septets(c));

    [Theory]
    [InlineData('`')]
    [InlineData('ç')]
    [InlineData('ł')]
    [InlineData('…')]
    public void Characters_outside_gsm7_are_detected(char c) => Assert.False(SmsSegments.IsGsm7(c));
}
