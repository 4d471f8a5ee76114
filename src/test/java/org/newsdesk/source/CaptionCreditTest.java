package org.newsdesk.source;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Captions shaped as outlets print them, in five scripts, each parted from its credit, and captions that have none. */
class CaptionCreditTest {

    @ParameterizedTest(name = "{0}")
    @MethodSource
    void theCreditIsTakenOutOfTheCaption(String given, String caption, String credit, String where) {
        assertEquals(new CaptionCredit.Split(caption, credit, where), CaptionCredit.split(given));
    }

    static Stream<Arguments> theCreditIsTakenOutOfTheCaption() {
        return Stream.of(
                // English, agencies at the end
                split("Supporters of the Coordination Framework gather in Baghdad, Iraq, February 4, 2024. REUTERS/Haider Mawlood",
                        "Supporters of the Coordination Framework gather in Baghdad, Iraq, February 4, 2024.", "REUTERS/Haider Mawlood", "REUTERS/…"),
                split("Smoke rises over Khan Younis after an airstrike, Jan. 22, 2024. (AP Photo/Hatem Ali, File)",
                        "Smoke rises over Khan Younis after an airstrike, Jan. 22, 2024.", "AP Photo/Hatem Ali", "(AP Photo/…)"),
                split("A militia commander speaks to reporters in Basra (AFP/File)",
                        "A militia commander speaks to reporters in Basra", "AFP", "(AFP)"),
                split("Prime Minister Mohammed Shia al-Sudani attends a cabinet meeting in Baghdad on March 3 (AP Photo)",
                        "Prime Minister Mohammed Shia al-Sudani attends a cabinet meeting in Baghdad on March 3", "AP Photo", "(AP Photo)"),
                split("Rescuers search the rubble of a house in Rafah. Reuters/Mohammed Salem",
                        "Rescuers search the rubble of a house in Rafah.", "Reuters/Mohammed Salem", "Reuters/…"),
                split("Gunmen guard a checkpoint near Tikrit [Ahmad al-Rubaye/AFP]", "Gunmen guard a checkpoint near Tikrit",
                        "Ahmad al-Rubaye/AFP", "[…/AFP]"),
                split("Flooded streets in Derna, Libya (REUTERS)", "Flooded streets in Derna, Libya", "REUTERS", "(REUTERS)"),
                split("Firefighters battle a blaze near Athens on Tuesday. (AFP via Getty Images)",
                        "Firefighters battle a blaze near Athens on Tuesday.", "AFP via Getty Images", "(AFP via Getty Images)"),
                split("A Palestinian boy walks past rubble in Gaza City. Mahmud Hams/AFP via Getty Images",
                        "A Palestinian boy walks past rubble in Gaza City.", "Mahmud Hams/AFP via Getty Images", "…/AFP via Getty Images"),
                split("Displaced families shelter in a school in Deir al-Balah. AFP PHOTO / EYAD BABA",
                        "Displaced families shelter in a school in Deir al-Balah.", "AFP PHOTO / EYAD BABA", "AFP PHOTO/…"),
                split("Protesters outside the embassy in London. Getty Images", "Protesters outside the embassy in London.", "Getty Images",
                        "Getty Images"),
                split("Voters in Phoenix, Arizona, line up before dawn. Jae C. Hong/AP", "Voters in Phoenix, Arizona, line up before dawn.",
                        "Jae C. Hong/AP", "…/AP"),
                split("A boy flies a kite on the beach in Gaza — Mohammed Abed/AFP", "A boy flies a kite on the beach in Gaza",
                        "Mohammed Abed/AFP", "…/AFP"),
                split("Iraqi security forces patrol Tahrir Square REUTERS/Thaier al-Sudani/File Photo",
                        "Iraqi security forces patrol Tahrir Square", "REUTERS/Thaier al-Sudani", "REUTERS/…"),
                // English, labels
                split("The foreign minister arrives at the summit (Photo: Ahmad Gharabli)", "The foreign minister arrives at the summit",
                        "Ahmad Gharabli", "(Photo: …)"),
                split("The old city of Mosul at dusk. Photo: Hadi Mizban/AP", "The old city of Mosul at dusk.", "Hadi Mizban/AP", "Photo: …"),
                split("Voters queue outside a polling station in Erbil. Photograph: Safin Hamid/AFP/Getty Images",
                        "Voters queue outside a polling station in Erbil.", "Safin Hamid/AFP/Getty Images", "Photograph: …"),
                split("Tanks move along the border road. Photo by Jack Guez/AFP via Getty Images", "Tanks move along the border road.",
                        "Jack Guez/AFP via Getty Images", "Photo by …"),
                split("Crowds line the Mall for the procession. Picture: PA Wire", "Crowds line the Mall for the procession.", "PA Wire",
                        "Picture: …"),
                split("A spice stall in the Kirkuk bazaar. Credit: Layla Ahmed for The Washington Post", "A spice stall in the Kirkuk bazaar.",
                        "Layla Ahmed for The Washington Post", "Credit: …"),
                split("Night falls over the harbour © Nikos Papadopoulos", "Night falls over the harbour", "Nikos Papadopoulos", "© …"),
                split("Caption: Oil tankers wait at Basra port. Photo credit: Nabil al-Jurani", "Oil tankers wait at Basra port.",
                        "Nabil al-Jurani", "Photo credit: …"),
                // Screen-reader labels (BBC, NPR) and buttons
                split("Image source, Getty Images Image caption, Rescuers worked through the night in Antakya",
                        "Rescuers worked through the night in Antakya", "Getty Images", "Image source, …"),
                split("Image caption, Crowds gathered outside parliament on Sunday Image source, Family handout",
                        "Crowds gathered outside parliament on Sunday", "Family handout", "Image source, …"),
                split("Mourners carry a coffin through Beirut on Friday. hide caption toggle caption Anwar Amro/AFP via Getty Images",
                        "Mourners carry a coffin through Beirut on Friday.", "Anwar Amro/AFP via Getty Images", "…/AFP via Getty Images"),
                split("Students rally outside parliament in Nairobi. hide caption toggle caption Claire Harbage/NPR",
                        "Students rally outside parliament in Nairobi.", "Claire Harbage/NPR", "toggle caption …"),
                split("Expand Residents wade through floodwater in Valencia", "Residents wade through floodwater in Valencia", null, null),
                // Credit at the start, or alone
                split("(AP Photo/Khalid Mohammed) Iraqi soldiers patrol a street in Baghdad", "Iraqi soldiers patrol a street in Baghdad",
                        "AP Photo/Khalid Mohammed", "(AP Photo/…)"),
                split("REUTERS/Thaier al-Sudani — Shoppers crowd Baghdad's Shorja market", "Shoppers crowd Baghdad's Shorja market",
                        "REUTERS/Thaier al-Sudani", "REUTERS/…"),
                split("Getty Images", null, "Getty Images", "Getty Images"),
                split("An ambulance outside al-Kindi hospital, AP Photo", "An ambulance outside al-Kindi hospital", "AP Photo", "AP Photo"),
                split("Smoke over the port of Hodeidah. Photo:", "Smoke over the port of Hodeidah.", null, null),
                // Israeli outlets in English
                split("Israelis protest in Tel Aviv on Saturday night (Flash90)", "Israelis protest in Tel Aviv on Saturday night", "Flash90",
                        "(Flash90)"),
                split("Police at the scene of the attack in Jerusalem. Yonatan Sindel/Flash90", "Police at the scene of the attack in Jerusalem.",
                        "Yonatan Sindel/Flash90", "…/Flash90"),
                // Text kept as written: spaces collapsed, emoji untouched
                split("  A convoy\u00a0on   the road to Baghdad airport.\n  AP Photo/Hadi Mizban ", "A convoy on the road to Baghdad airport.",
                        "AP Photo/Hadi Mizban", "AP Photo/…"),
                split("🇮🇶 Fans celebrate Iraq's win in Basra 🎉 (AFP)", "🇮🇶 Fans celebrate Iraq's win in Basra 🎉", "AFP", "(AFP)"),
                // French
                split("Emmanuel Macron à l’Élysée, le 12 mars 2024. LUDOVIC MARIN / AFP", "Emmanuel Macron à l’Élysée, le 12 mars 2024.",
                        "LUDOVIC MARIN / AFP", "…/AFP"),
                split("Des manifestants à Paris, le 1er mai. Photo\u00a0: Thomas Samson / AFP", "Des manifestants à Paris, le 1er mai.",
                        "Thomas Samson / AFP", "Photo : …"),
                split("Le port de Marseille au lever du jour (Photo AFP)", "Le port de Marseille au lever du jour", "AFP", "(Photo …)"),
                split("La tour Eiffel illuminée en bleu, blanc, rouge. © AFP", "La tour Eiffel illuminée en bleu, blanc, rouge.", "AFP", "© …"),
                split("Les Bleus à l’entraînement à Clairefontaine. Crédit : Franck Fife", "Les Bleus à l’entraînement à Clairefontaine.",
                        "Franck Fife", "Crédit : …"),
                // German and Spanish
                split("Bundeskanzler Olaf Scholz im Bundestag. Foto: Michael Kappeler/dpa", "Bundeskanzler Olaf Scholz im Bundestag.",
                        "Michael Kappeler/dpa", "Foto: …"),
                split("Migrantes llegan al puerto de Lampedusa. Foto: EFE/Ciro Fusco", "Migrantes llegan al puerto de Lampedusa.",
                        "EFE/Ciro Fusco", "Foto: …"),
                // Hebrew
                split("מפגינים מול הכנסת בירושלים (צילום: יונתן זינדל, פלאש 90)", "מפגינים מול הכנסת בירושלים", "יונתן זינדל, פלאש 90",
                        "(צילום: …)"),
                split("ראש הממשלה בישיבת הממשלה. צילום: רויטרס", "ראש הממשלה בישיבת הממשלה.", "רויטרס", "צילום: …"),
                split("צילום: אוליבייה פיטוסי/פלאש 90", null, "אוליבייה פיטוסי/פלאש 90", "צילום: …"),
                split("חיילים בגבול הצפון צילום: דובר צה\"ל", "חיילים בגבול הצפון", "דובר צה\"ל", "צילום: …"),
                // Arabic
                split("فلسطينيون يتفقدون الدمار في خان يونس (الجزيرة)", "فلسطينيون يتفقدون الدمار في خان يونس", "الجزيرة", "(الجزيرة)"),
                split("متظاهرون في ساحة التحرير ببغداد (رويترز)", "متظاهرون في ساحة التحرير ببغداد", "رويترز", "(رويترز)"),
                split("جانب من الدمار في مدينة رفح جنوبي قطاع غزة (أ ف ب)", "جانب من الدمار في مدينة رفح جنوبي قطاع غزة", "أ ف ب", "(أ ف ب)"),
                split("لاجئون سوريون على الحدود التركية (غيتي)", "لاجئون سوريون على الحدود التركية", "غيتي", "(غيتي)"),
                split("الرئيس التركي خلال مؤتمر صحفي في أنقرة (الأناضول)", "الرئيس التركي خلال مؤتمر صحفي في أنقرة", "الأناضول",
                        "(الأناضول)"),
                split("قوات الأمن العراقية في الموصل (رويترز-أرشيف)", "قوات الأمن العراقية في الموصل", "رويترز", "(رويترز)"),
                split("سوق الشورجة وسط بغداد. تصوير: علي عبد الحسن", "سوق الشورجة وسط بغداد.", "علي عبد الحسن", "تصوير: …"),
                split("صورة متداولة للقصف على حلب. المصدر: مواقع التواصل", "صورة متداولة للقصف على حلب.", "مواقع التواصل", "المصدر: …"),
                // Greek
                split("Ο πρωθυπουργός στη Βουλή. Φωτογραφία: Intime News", "Ο πρωθυπουργός στη Βουλή.", "Intime News", "Φωτογραφία: …"),
                split("Πυρκαγιά στην Αττική. ΦΩΤΟ: EUROKINISSI/ΓΙΑΝΝΗΣ ΠΑΝΑΓΟΠΟΥΛΟΣ", "Πυρκαγιά στην Αττική.",
                        "EUROKINISSI/ΓΙΑΝΝΗΣ ΠΑΝΑΓΟΠΟΥΛΟΣ", "ΦΩΤΟ: …"),
                split("Συγκέντρωση στο Σύνταγμα (EUROKINISSI/ΣΤΕΛΙΟΣ ΜΙΣΙΝΑΣ)", "Συγκέντρωση στο Σύνταγμα", "EUROKINISSI/ΣΤΕΛΙΟΣ ΜΙΣΙΝΑΣ",
                        "(EUROKINISSI/…)"),
                split("Το λιμάνι του Πειραιά το πρωί (Eurokinissi)", "Το λιμάνι του Πειραιά το πρωί", "Eurokinissi", "(Eurokinissi)"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource
    void aCaptionWithoutACreditIsLeftAsItIs(String caption) {
        assertEquals(new CaptionCredit.Split(caption, null, null), CaptionCredit.split(caption));
    }

    static Stream<String> aCaptionWithoutACreditIsLeftAsItIs() {
        return Stream.of(
                "He posted a photo of the convoy on social media",
                "A street vendor sells bread at the 24/7 market in Erbil",
                "Residents return to their homes in Khan Younis/Gaza",
                "Prime Minister Mohammed Shia al-Sudani (center) meets tribal leaders",
                "Prime Minister Mohammed Shia al-Sudani meets tribal leaders (center)",
                "A journalist speaks to Reuters",
                "Voters answer an AP/NORC poll in Ohio",
                "Photo: the convoy at dawn near Mosul",
                "Rescuers at the site of the collapse (photo taken on March 3)",
                "The family's photo by the window, taken in 1998",
                "Ursula von der Leyen and Olaf Scholz",
                "Israel's army says it plans to expand",
                "Une photo de famille prise en 1962 (à gauche)",
                "צילום מסך מתוך הסרטון שפרסם חמאס",
                "صورة أرشيفية لمتظاهرين في بغداد (أرشيف)",
                "Ο υπουργός με τον φωτογράφο του (αριστερά)",
                "A mother and her son, 1/3 of the family that survived 🙏");
    }

    @Test
    void noCaptionIsNoCaption() {
        assertEquals(new CaptionCredit.Split(null, null, null), CaptionCredit.split(null));
        assertEquals(new CaptionCredit.Split(null, null, null), CaptionCredit.split(" \u00a0 "));
    }

    private static Arguments split(String given, String caption, String credit, String shape) {
        return Arguments.of(given, caption, credit, shape == null ? null : "the caption's \"" + shape + "\"");
    }
}
