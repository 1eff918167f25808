"""Word lists the entity finder classes names by: organisation words, titles, descriptors, stop words.

General English news vocabulary, not any one corpus's names. A name is an
organisation when it carries an organisation word ("Airlines", "Ministry",
"Inc.") or follows a descriptor ("carmaker Fiat", "the airline Ryanair"); a
person when a title or role goes before it ("Senator", "chief executive").
"""
from __future__ import annotations

# A word inside a name that makes the name an organisation's.
ORG_WORDS = frozenset("""
Agency Ministry Party Inc Inc. Corp Corp. Corporation Company Co Co. Ltd Ltd. LLC PLC plc AG SA GmbH NV
Incorporated Limited Holdings Group Partners Brothers Associates Ventures Capital Mutual Insurance
University College Institute Council Department Committee Commission Bank Association Organization
Organisation Union Army Navy Force Forces Court Parliament Assembly Congress Senate Times Post Journal
News Press Herald Tribune Gazette Airlines Airline Airways Air Aviation Aerospace Motors Motor Automotive
Foundation Fund Authority Office Bureau Service Services Police Guard Federation League Network Networks
Studios Systems Technologies Technology Reserve Exchange Board Administration Cabinet Center Centre
Broadcasting Television Radio Media Industries International Society Church Hospital School Academy
Museum Trust Alliance Coalition Front Movement Brigade Brigades Command Observatory Electric Petroleum
Energy Telecom Telecommunications Pharmaceuticals Bloc Labs Laboratories Software Computer Computers
Communications Records Pictures Entertainment Games Club FC United Rovers Athletic Sinmun Daily Weekly
Magazine Channel Commerce Chamber Secretariat Treasury Directorate Inspectorate Tribunal Railways Railway
Shipping Lines Logistics Foods Stores Markets Restaurants Hotels Resorts Oil Gas Steel Mining Chemicals
Government Corps Regiment Division Battalion Squadron Fleet Council Parliament Presidium Politburo
Senate Eurogroup Pentagon Kremlin Commons Lords Reuters Bloomberg
""".split())

# Corporate suffixes: dropped to give the short name the article goes on to use
# ("Apple Inc." ... "Apple").
LEGAL_SUFFIXES = frozenset("""
Inc Inc. Corp Corp. Co Co. Ltd Ltd. LLC PLC plc AG SA GmbH NV Company Corporation Incorporated Limited
Group Holdings
""".split())

# Titles before a person's name.
TITLES = frozenset("""
President Prime Minister Secretary Senator Sen. Gov. Governor Mayor King Queen Prince Princess
Pope Chancellor General Gen. Col. Lt. Capt. Adm. Dr. Mr. Mrs. Ms. Mr Mrs Ms Dr Rep. Representative Judge
Justice Ambassador Chairman Chairwoman Chief CEO Director Leader Sheikh Ayatollah Emir Sultan Rev.
Vice Deputy Lord Lady Sir Dame Professor Prof. Coach Commissioner Speaker Spokesman Spokeswoman
Sgt. Sergeant Major Lieutenant Colonel Captain Admiral Marshal Cardinal Bishop Archbishop Rabbi Imam
Premier Chairperson Councillor Councilman Councilwoman Congressman Congresswoman Minister Treasurer
Attorney Sheriff Inspector Detective Officer Agent Superintendent Constable Commander
president minister secretary senator governor mayor leader chairman chairwoman chief spokesman
spokeswoman spokesperson ambassador general envoy director founder CEO analyst executive officer
coach manager striker midfielder defender goalkeeper player star singer actor actress rapper author
writer economist professor lawyer attorney judge prosecutor official adviser advisor aide lawmaker
senator congressman congresswoman representative candidate commissioner chancellor premier captain
""".split())

# Nouns that say what kind of organisation the next name is ("carmaker Fiat").
ORG_DESCRIPTORS = frozenset("""
company companies firm firms manufacturer manufacturers maker makers carmaker carmakers automaker
automakers airline airlines carrier carriers airframer planemaker giant rival retailer retailers chain
bank banks lender insurer insurers group conglomerate operator operators broadcaster broadcasters
newspaper newspapers daily weekly magazine agency agencies network networks channel studio studios
label publisher publishers developer developers supplier suppliers producer producers distributor
exchange exchanges index club clubs team teams band party parties organisation organization
organisations organizations charity charities union unions regulator watchdog startup start-up
subsidiary subsidiaries unit brand brands outlet outlets service website site platform fund funds
consortium contractor contractors conglomerate automobile aircraft airplane insurance software
hardware chipmaker chipmakers telecom telecoms
""".split())

# All-capital words that are not organisations: units, currencies' codes are checked apart.
NOT_ORG_ACRONYMS = frozenset("""
CEO CFO COO CTO CIO VP MP MPs PM AM GMT UTC EST EDT PST PDT CET BST GDP GNP CPI VAT IPO SDK API USB
PC PCs TV DVD CD CDs GPS ID IDs OK FAQ PDF HTML URL DNA RNA HIV AIDS SARS COVID MERS ICU ER IQ
AI IT UK US USA EU UN U.S. U.K. NYSE HQ PR RSS SMS MMS LCD LED CPU GPU RAM ROM OS iOS MB GB TB KB
MW GW KW KWH MPH KM BC AD BCE CE II III IV VI VII VIII IX XI XII XIII XIV XV XX XXI JR SR PhD MBA
USD EUR GBP JPY CNY RMB AUD CAD CHF HKD INR RUB KRW BRL NZD SEK NOK DKK
NB PS RE FYI ASAP DIY LGBT LGBTQ POW POWs WMD ICBM ICBMs SUV SUVs ATM ATMs PIN VIP VIPs RIP
""".split())

# Capitalised words that start sentences or headings without naming anyone.
NOT_NAMES = frozenset("""
The A An In At On From To For With By After Before During And But Or Of As If When While
Since This That These Those It Its He She They We I His Her Their Our You Your Meanwhile
However Last Next Where What Who Why How There Here Both Neither Either Some Many Most One
Two Three Four Five Six Seven Eight Nine Ten Monday Tuesday Wednesday Thursday Friday Saturday
Sunday January February March April May June July August September October November December
More Now Today Yesterday Tomorrow Also According Not No Yes Such Each Every All Any Another
Other Earlier Later Then Than Despite Although Though Because Unlike Like Under Over Between
Facing Placeholder Read Click Share Updated Photo Image Video Following Welcome Moving Watch
Breaking Exclusive Analysis Opinion Editorial Update Live Sources Officials Critics Police
Residents Authorities Experts Analysts Investors Shares Stocks Markets Prices Sales Profits
Revenue Earnings Instead Still Yet Even Just Only So Thus Hence Therefore Indeed Besides
Overall Currently Recently Finally First Second Third Firstly Secondly Again Once Perhaps
Maybe Please Thanks Thank Dear Hello Sir Madam Mister Miss Chapter Section Part Figure Table
Internet Web God Christmas Easter Ramadan Mass Western Eastern Northern Southern Central
Republicans Republican Democrats Democrat Democratic Conservatives Liberals Labour Tories
Christian Christians Muslim Muslims Jewish Jews Catholic Catholics Protestant Islamic Arab Arabs
Black White Asian Hispanic Latino Indigenous Native Communist Communists Socialist Socialists
Are Is Was Were Be Been Has Have Had Do Does Did Will Would Can Could Should Must Might Shall
Says Said Tells Told Asks Asked Wants Wins Won Loses Lost Gets Got Makes Made Takes Took Sees Saw
Calls Called Gives Gave Goes Went Comes Came Plans Faces Hits Cuts Rises Falls Set Sets New Old
Big Small Top Bottom High Low Free Full Real True False Good Bad Best Worst Great Major Minor Key
Why Whether Which Whose Whom Among Amid Around Across Against Along Beyond Within Without Toward
Towards Upon Into Onto Off Out Up Down Near Via Per Versus Vs vs Re Dr Mr Mrs Ms St
""".split())

# Nationality and other place adjectives whose country's name the suffix rules
# of ``entity_names.is_demonym`` cannot reach.
DEMONYM_FORMS = frozenset("""
French British English Scottish Welsh Irish Dutch Swiss Greek Thai Turkish Spanish Polish Danish Swedish
Finnish Norwegian Filipino Filipina Argentine Argentinian Peruvian Kiwi Icelandic Czech Slovak Flemish
Basque Catalan Kurdish Kurd Kurds Pashtun Tamil Sikh Hindu Punjabi Bengali Bangladeshi Emirati Saudi
Kuwaiti Qatari Omani Yemeni Bahraini Malagasy Burmese Lao Laotian Vietnamese Cypriot Maltese Monegasque
Luxembourgish Belgian Portuguese Ukrainian Belarusian Georgian Armenian Azerbaijani Azeri Uzbek Kazakh
Kyrgyz Tajik Turkmen Afghan Pakistani Nepali Nepalese Sri Lankan Maldivian Bhutanese Mongolian Tibetan
Uighur Uyghur Taiwanese Hongkonger Cantonese Mandarin Sudanese Somali Ethiopian Eritrean Kenyan
Ugandan Rwandan Burundian Tanzanian Congolese Angolan Zambian Zimbabwean Malawian Mozambican Namibian
Botswanan Motswana Basotho Swazi Malian Senegalese Gambian Guinean Ivorian Ghanaian Togolese Beninese
Nigerian Nigerien Cameroonian Chadian Gabonese Libyan Tunisian Algerian Moroccan Egyptian Mauritanian
Israeli Palestinian Lebanese Jordanian Iraqi Iranian Persian Syrian Yemenite Hungarian Romanian
Bulgarian Serbian Serb Serbs Croatian Croat Croats Bosnian Slovenian Slovene Macedonian Albanian
Kosovar Montenegrin Moldovan Lithuanian Latvian Estonian Russian Soviet Yugoslav Prussian Bavarian
Texan Californian Floridian Hawaiian Alaskan Quebecois Québécois European African Asian Oceanian
Arctic Antarctic Atlantic Pacific Caribbean Latin Nordic Scandinavian Balkan Baltic Gulf Hispanic
Anglo Franco Sino Indo Afro Euro Pan Trans American Americans Canadian Mexican Brazilian Chilean
Colombian Venezuelan Bolivian Ecuadorian Uruguayan Paraguayan Cuban Haitian Dominican Jamaican
Puerto Rican Australian Zealander Japanese Chinese Korean Koreans Indian Indonesian Malaysian
Singaporean Italian German Germans Austrian
""".split())

# Given names common in world news that the US census lists lack.
EXTRA_FIRST_NAMES = frozenset("""
Vladimir Dmitry Dmitri Sergei Sergey Alexei Alexey Boris Mikhail Yuri Igor Oleg Nikolai Viktor Volodymyr
Petro Yulia Angela Olaf Gerhard Helmut Emmanuel Nicolas Francois François Jacques Jean Marine Ségolène
Segolene Giorgia Matteo Silvio Giuseppe Mario Pedro Mariano Jose José Luiz Lula Jair Dilma Andres
Andrés Cristina Javier Evo Hugo Nicolás Narendra Rahul Manmohan Sonia Imran Nawaz Benazir Recep Tayyip
Bashar Hafez Hosni Abdel Abdul Abdullah Mohammed Mohammad Muhammad Mahmoud Ahmed Ahmad Ali Hassan Hasan
Hussein Saddam Osama Ayman Ismail Yasser Benjamin Ehud Ariel Shimon Yitzhak Naftali Yair Binyamin Xi
Hu Wen Li Jiang Deng Mao Shinzo Fumio Yoshihide Junichiro Taro Naoto Moon Park Kim Lee Yoon Jacinda
Justin Stephen Jens Ursula Jean-Claude Donald Kamala Nancy Mitch Hillary Barack Bernie Joe Rishi
Boris Theresa Keir Jeremy Nicola Emmanuel Olaf Volodymyr Ashraf Hamid Juan Carlos Luis Felipe Enrique
Ricardo Alejandro Fernando Gustavo Sebastian Sebastián Noel Fritz Thomas Louis Jusman Lee Hsien Noor
Xavier Youssef Yusuf Fatima Aisha Ayesha Mustafa Kemal Ilham Nursultan Kassym-Jomart Alexander Aleksandr
Alexandr Wladimir Jürgen Jurgen Wolfgang Klaus Karl Heinz Hans Dieter Horst Angelika Annalena Friedrich
""".split())

# Given names in the census lists that are more often ordinary words or other names in news.
NOT_FIRST_NAMES = frozenset("""
King Royal General Major Christian Grant Will Rich Hope Faith Joy Grace Summer Winter
Autumn Spring April May June August Paris China Israel Jordan Georgia Virginia Carolina Dakota
Washington Lincoln Jackson Kennedy Madison Houston Austin Dallas Denver Phoenix Sydney Florence
Victoria Charlotte Santa Sierra Star Angel Dean Judge Major Chase Price Sterling Baker Miles Young
Long Love Gay Rose Lily Iris Ivy Ruby Pearl Crystal Amber Jade Jewel Diamond Sky Rain Storm Golden
Best Early Light Page Case Child Guy Don Bob Ford Golf Hunter Cash Chance Bishop Pope Sunny Sandy
Rocky Rusty Brick Stone Wood Woods Hill Hall Field Street Lane Glen Dale Ray Sun Son Ma Pa Air Delta
Unique Precious Marvel Sale Apple Mercedes Porsche Tesla Ferrari Lexus Chevy
""".split())
