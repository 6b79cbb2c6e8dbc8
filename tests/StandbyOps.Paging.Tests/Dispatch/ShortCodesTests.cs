using StandbyOps.Paging.Dispatch;

namespace StandbyOps.Paging.Tests.Dispatch;

public sealed class ShortCodesTests
{
    [Fact]
    public void A_phone_without_codes_gets_1() => Assert.Equal(1, ShortCodes.LowestFree([]));

    [Fact]
    public void A_freed_gap_is_reused_before_a_higher_number() => Assert.Equal(2, ShortCodes.LowestFree([1, 3, 4]));

    [Fact]
    public void Consecutive_codes_give_the_next_one() => Assert.Equal(4, ShortCodes.LowestFree([3, 1, 2]));
}
