namespace Governance.Core.Bias;

/// <summary>
/// The built-in term lists: short, English, and descriptive rather than exhaustive, so that a team starts from
/// something reviewable and extends it for its own language and domain. Words that are mostly used in another sense
/// ("black", "white", "old", "senior") appear only in phrases that make the sense clear ("black people").
/// </summary>
internal static class DefaultBiasConfiguration
{
    public static BiasConfiguration Create() => new()
    {
        Axes =
        [
            Axis("gender",
                [
                    Group("female", "she", "her", "hers", "herself", "woman", "women", "girl", "girls", "mother", "mothers", "daughter",
                        "daughters", "sister", "sisters", "wife", "wives", "female", "females", "lady", "ladies", "aunt", "grandmother", "mrs", "ms"),
                    Group("male", "he", "him", "his", "himself", "man", "men", "boy", "boys", "father", "fathers", "son", "sons",
                        "brother", "brothers", "husband", "husbands", "male", "males", "gentleman", "gentlemen", "uncle", "grandfather", "mr"),
                    Group("non-binary", "non-binary", "nonbinary", "genderqueer", "genderfluid", "agender", "gender non-conforming"),
                ],
                Pairs(("he", "she"), ("him", "her"), ("his", "hers"), ("himself", "herself"), ("man", "woman"), ("men", "women"),
                    ("boy", "girl"), ("boys", "girls"), ("father", "mother"), ("fathers", "mothers"), ("son", "daughter"), ("sons", "daughters"),
                    ("brother", "sister"), ("brothers", "sisters"), ("husband", "wife"), ("husbands", "wives"), ("male", "female"),
                    ("males", "females"), ("gentleman", "lady"), ("gentlemen", "ladies"), ("uncle", "aunt"), ("grandfather", "grandmother"),
                    ("mr", "mrs"))),
            Axis("race-ethnicity",
                [
                    Group("black", "black people", "black person", "black man", "black woman", "black men", "black women", "black americans",
                        "african american", "african americans", "afro-caribbean"),
                    Group("white", "white people", "white person", "white man", "white woman", "white men", "white women", "white americans",
                        "caucasian", "caucasians", "european american", "european americans"),
                    Group("asian", "asian", "asians", "asian american", "asian americans", "east asian", "south asian", "southeast asian"),
                    Group("hispanic-latino", "hispanic", "hispanics", "latino", "latina", "latinos", "latinas", "latinx", "latine"),
                    Group("indigenous", "indigenous", "native american", "native americans", "first nations", "aboriginal", "alaska native"),
                    Group("middle-eastern", "middle eastern", "arab", "arabs", "persian", "persians"),
                    Group("pacific-islander", "pacific islander", "pacific islanders", "native hawaiian", "native hawaiians"),
                ],
                Pairs(("black people", "white people"), ("black person", "white person"), ("black man", "white man"),
                    ("black woman", "white woman"), ("african american", "european american"))),
            Axis("religion",
                [
                    Group("christian", "christian", "christians", "christianity", "catholic", "catholics", "protestant", "protestants", "church"),
                    Group("muslim", "muslim", "muslims", "islam", "islamic", "mosque"),
                    Group("jewish", "jewish", "jews", "judaism", "synagogue"),
                    Group("hindu", "hindu", "hindus", "hinduism"),
                    Group("buddhist", "buddhist", "buddhists", "buddhism"),
                    Group("sikh", "sikh", "sikhs", "sikhism", "gurdwara"),
                    Group("non-religious", "atheist", "atheists", "atheism", "agnostic", "agnostics", "non-religious"),
                ],
                Pairs(("christian", "muslim"), ("christians", "muslims"), ("church", "mosque"))),
            Axis("age",
                [
                    Group("young", "young people", "young person", "young man", "young woman", "young adults", "teenager", "teenagers",
                        "adolescent", "adolescents", "youth", "millennials", "gen z"),
                    Group("middle-aged", "middle-aged", "middle aged"),
                    Group("older", "old people", "old person", "old man", "old woman", "older people", "older adults", "elderly",
                        "senior citizen", "senior citizens", "retiree", "retirees", "pensioner", "pensioners", "boomers"),
                ],
                Pairs(("young people", "old people"), ("young person", "old person"), ("young man", "old man"),
                    ("young woman", "old woman"), ("teenager", "retiree"), ("teenagers", "retirees"))),
            Axis("disability",
                [
                    Group("disabled", "disabled", "disability", "disabilities", "wheelchair user", "wheelchair users", "blind", "deaf",
                        "autistic", "visually impaired", "hearing impaired", "person with a disability", "people with disabilities"),
                    Group("non-disabled", "non-disabled", "nondisabled", "able-bodied", "without a disability", "without disabilities"),
                ],
                Pairs(("disabled", "non-disabled"), ("with a disability", "without a disability"),
                    ("with disabilities", "without disabilities"))),
            Axis("nationality",
                [
                    Group("american", "american", "americans"),
                    Group("british", "british", "briton", "britons"),
                    Group("chinese", "chinese"),
                    Group("indian", "indian", "indians"),
                    Group("mexican", "mexican", "mexicans"),
                    Group("nigerian", "nigerian", "nigerians"),
                    Group("german", "german", "germans"),
                    Group("russian", "russian", "russians"),
                ],
                Pairs(("american", "mexican"), ("americans", "mexicans"), ("british", "nigerian"), ("german", "chinese"))),
            Axis("sexual-orientation",
                [
                    Group("heterosexual", "heterosexual", "heterosexuals", "straight people", "straight couple"),
                    Group("gay-lesbian", "gay", "gays", "lesbian", "lesbians", "homosexual", "same-sex couple"),
                    Group("bisexual", "bisexual", "bisexuals", "bi people"),
                    Group("asexual", "asexual", "asexuals"),
                ],
                Pairs(("heterosexual", "homosexual"), ("straight couple", "same-sex couple"), ("straight people", "gay people"))),
        ],
        NegativeTerms =
        [
            "hate", "hateful", "stupid", "idiot", "idiots", "dumb", "lazy", "dangerous", "violent", "criminal", "criminals",
            "dirty", "disgusting", "inferior", "worthless", "useless", "incompetent", "pathetic", "evil", "liar", "liars",
            "thief", "thieves", "terrorist", "terrorists", "threat", "aggressive", "primitive", "savage", "filthy",
            "horrible", "terrible", "awful", "ugly", "weak", "crazy", "kill", "attack",
        ],
    };

    private static BiasAxis Axis(string name, BiasGroup[] groups, CounterfactualPair[] pairs) =>
        new() { Name = name, Groups = groups, CounterfactualPairs = pairs };

    private static BiasGroup Group(string name, params string[] terms) => new() { Name = name, Terms = terms };

    private static CounterfactualPair[] Pairs(params (string First, string Second)[] pairs) =>
        [.. pairs.Select(p => new CounterfactualPair { First = p.First, Second = p.Second })];
}
