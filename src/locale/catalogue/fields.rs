//! The labels and help texts of front matter fields, shared by the build's documentation of
//! fields ([`crate::content::meta::fields`]) and the editor's form.

catalogue! {
    /// Labels and help texts of the front matter fields.
    Fields {
        Title: "Title", "Tytuł";
        TitleHint: "A short, plain title, e.g. Warsztaty kulinarne w Klubie Seniora", "Krótki, prosty tytuł, np. Warsztaty kulinarne w Klubie Seniora";
        Date: "Date", "Data";
        DateHint: "As YYYY-MM-DD, e.g. 2026-11-24; a time may follow: 2026-11-24 10:30", "W postaci RRRR-MM-DD, np. 2026-11-24; można dodać godzinę: 2026-11-24 10:30";
        Updated: "Updated on", "Data aktualizacji";
        UpdatedHint: "Fill in only when you change an older text in an important way", "Wypełnij tylko wtedy, gdy ważnie zmieniasz starszy tekst";
        Summary: "Summary", "Streszczenie";
        SummaryHint: "One or two sentences shown in lists and link previews; without it, the first paragraph is used", "Jedno lub dwa zdania widoczne na listach i w podglądzie linku; bez niego użyty zostanie pierwszy akapit";
        Author: "Author", "Autor";
        AuthorHint: "Who wrote the text (optional)", "Kto napisał tekst (nieobowiązkowe)";
        Tags: "Tags", "Tagi";
        TagsHint: "Words that group texts, separated by commas, e.g. seniorzy, warsztaty", "Słowa grupujące teksty, oddzielone przecinkami, np. seniorzy, warsztaty";
        Category: "Category", "Kategoria";
        CategoryHint: "One category, e.g. Wydarzenia", "Jedna kategoria, np. Wydarzenia";
        Project: "Project", "Projekt";
        ProjectHint: "The project this post belongs to, if any", "Projekt, do którego należy wpis, jeśli jest taki";
        Cover: "Cover photo", "Zdjęcie główne";
        CoverHint: "The photo's file (src), its description for people who do not see it (alt), and consent marks", "Plik zdjęcia (src), jego opis dla osób, które go nie widzą (alt), oraz oznaczenia zgód";
        Gallery: "Photo gallery", "Galeria zdjęć";
        GalleryHint: "A list of photos, each with src and alt, or a folder", "Lista zdjęć, każde z src i alt, albo folder";
        Source: "Source", "Źródło";
        SourceHint: "Where the text was first published, if elsewhere (an address)", "Gdzie tekst ukazał się najpierw, jeśli gdzie indziej (adres)";
        Draft: "Draft (not published)", "Szkic (nie publikować)";
        DraftHint: "A draft is shown only in the preview", "Szkic widać tylko w podglądzie";
        Publish: "Publish on", "Opublikuj od";
        PublishHint: "Empty: at once. A date and time (YYYY-MM-DD HH:MM) before which the text is not on the site; the site must be rebuilt after it", "Puste: od razu. Data i godzina (RRRR-MM-DD GG:MM), przed którą tekstu nie ma na stronie; stronę trzeba potem przebudować";
        Expires: "Remove on", "Usuń ze strony";
        ExpiresHint: "Empty: never. From this date and time the text is no longer on the site", "Puste: nigdy. Od tej daty i godziny tekstu nie ma już na stronie";
        Aliases: "Old addresses", "Dawne adresy";
        AliasesHint: "One per line, e.g. /aktualnosci/stary-adres/: they lead here after a move", "Po jednym w wierszu, np. /aktualnosci/stary-adres/: prowadzą tutaj po przeprowadzce strony";
        Weight: "Order among the section's pages", "Kolejność wśród stron działu";
        WeightHint: "A whole number; lower comes first (0 when empty)", "Liczba całkowita; mniejsza jest wyżej (puste: 0)";
        Language: "Language of the text", "Język tekstu";
        LanguageHint: "Only for a text not in the site's language: uk (Ukrainian), en (English) or pl (Polish)", "Tylko dla tekstu w innym języku niż strona: uk (ukraiński), en (angielski) albo pl (polski)";
        TranslationOf: "Translation of", "Tłumaczenie tekstu";
        TranslationOfHint: "The address of the text this one translates, e.g. /pomoc-dla-uchodzcow/; the two pages then link to each other", "Adres tekstu, który ten tłumaczy, np. /pomoc-dla-uchodzcow/; obie strony będą do siebie linkować";
        Slug: "Address", "Adres";
        SlugHint: "The last part of the page's address, in small letters without Polish characters, e.g. dzien-seniora; empty: made from the file name", "Ostatnia część adresu strony, małymi literami bez polskich znaków, np. dzien-seniora; puste: z nazwy pliku";
        Extra: "Site-specific data", "Własne dane strony";
        ExtraHint: "Fields used by your own templates", "Pola używane przez własne szablony strony";
        Video: "Video", "Film";
        VideoHint: "A film from the folder (with captions) or from YouTube/Vimeo", "Film z folderu (z napisami) albo z YouTube/Vimeo";
        Event: "Event", "Wydarzenie";
        EventHint: "Start (date and time), end, place, address, registration, price", "Początek (data i godzina), koniec, miejsce, adres, zapisy, cena";
        Status: "Project status", "Stan projektu";
        StatusHint: "Whether the project is planned, ongoing or finished", "Czy projekt jest planowany, trwa, czy się zakończył";
        StatusPlanned: "planned", "planowany";
        StatusOngoing: "ongoing", "w trakcie";
        StatusFinished: "finished", "zakończony";
        Start: "Start date", "Data rozpoczęcia";
        StartHint: "As YYYY-MM-DD", "W postaci RRRR-MM-DD";
        End: "End date", "Data zakończenia";
        EndHint: "As YYYY-MM-DD; not before the start", "W postaci RRRR-MM-DD; nie wcześniej niż rozpoczęcie";
        Organiser: "Organiser", "Organizator";
        OrganiserHint: "Who runs the project", "Kto prowadzi projekt";
        Partners: "Partners", "Partnerzy";
        PartnersHint: "One partner per line", "Jeden partner w wierszu";
        Funding: "Funding", "Finansowanie";
        FundingHint: "Programme, fund, total value and EU contribution", "Program, fundusz, wartość całkowita i dofinansowanie UE";
        StateBudget: "State budget", "Budżet państwa";
        StateBudgetHint: "Government programme, amount from the state budget, total value and share (part or whole)", "Program rządowy, kwota z budżetu państwa, wartość całkowita i udział (część lub całość)";
        Participants: "Participants", "Uczestnicy";
        ParticipantsHint: "How many people take part (a whole number)", "Ile osób bierze udział (liczba całkowita)";
        Goals: "Goals", "Cele";
        GoalsHint: "One goal per line", "Jeden cel w wierszu";
        Results: "Results", "Rezultaty";
        ResultsHint: "One result per line", "Jeden rezultat w wierszu";
        Figures: "Key figures", "Liczby projektu";
        FiguresHint: "A list of label and value pairs, e.g. 145 uczestników", "Lista par etykieta i wartość, np. 145 uczestników";
        Contact: "Contact", "Kontakt";
        ContactHint: "Name, e-mail and phone of the contact person", "Imię i nazwisko, e-mail i telefon osoby do kontaktu";
    }
}
