# `policy params`: every number of a policy to review with a colleague: values by date, unit,
# the clause cited with its title, and why a number is assumed. 六安 builds on anhui-base: its
# bases' parameters come after its own, named by their file.
$ policy params policies/liuan --date 2024-08-31 --format markdown
> | kind | name | from | key | value | unit | source | cites | assumed |
> |---|---|---|---|---|---|---|---|---|
> | param | 分解住院间隔天数 | 2024-08-14 |  | 15日 | 日 | policies/liuan/audits.policy:5 |  | LIUAN-10 gives no window for 分解住院; 15 days after the previous discharge for the same disease, local practice (outside the document) |
> | param | 省内市外报销比例降幅 | 2024-08-14 |  | 10个百分点 | 个百分点 | policies/liuan/parameters.policy:10 | LIUAN-5 三、(二)5.规范医保待遇政策; reading D23 | the document refers to provincial/city reductions by category without quoting them; D23: −10 points outside the city, inside the province |
> | param | 省外报销比例降幅 | 2024-08-14 |  | 20个百分点 | 个百分点 | policies/liuan/parameters.policy:12 | LIUAN-5 三、(二)5.规范医保待遇政策; reading D23 | the document refers to provincial/city reductions by category without quoting them; D23: −20 points outside the province |
> | param | 未转诊报销比例再降幅 | 2024-08-14 |  | 10个百分点 | 个百分点 | policies/liuan/parameters.policy:14 | LIUAN-5 三、(二)5.规范医保待遇政策; reading D23; reading D6 | the document refers to provincial/city reductions by category without quoting them; D23: a further −10 points when unreferred (emergency counts as referred, D6) |
> | param | 市外未转诊不予救助 | 2024-08-14 |  | false | true/false | policies/liuan/parameters.policy:22 | LIUAN-5 三、(二)5.规范医保待遇政策; reading D24 |  |
> | set | 罕见病 |  |  | 白血病、血友病 | text | policies/liuan/parameters.policy:31 | LIUAN-3 三、(一)3.实施分类救治 |  |
> | set | 维持治疗病种 |  |  | 重性精神病、肿瘤放化疗、终末期肾脏病、终末期肾病、尿毒症透析、恶性肿瘤门诊放化疗 | text | policies/liuan/parameters.policy:35 | LIUAN-3 三、(一)3.实施分类救治 | the document names three diseases followed by 等; three common synonyms of the same treatments are added |
> | param | 居民医保个人缴费标准 | 2024-08-14 |  | 400元 | 元 | policies/liuan/premiums.policy:6 | LIUAN-4 三、(二)4.落实资助参保政策 | LIUAN-4 states no amount; 400元 is the national minimum individual contribution of 2024, outside the document |
> | param | 特困人员资助比例 | 2024-08-14 |  | 100% | % | policies/liuan/premiums.policy:8 | LIUAN-4 三、(二)4.落实资助参保政策 | LIUAN-4 gives no share; 特困人员 are subsidised in full by the national rule of 分类资助 (outside the document) |
> | param | 低保对象资助比例 | 2024-08-14 |  | 70% | % | policies/liuan/premiums.policy:10 | LIUAN-4 三、(二)4.落实资助参保政策 | LIUAN-4 gives no share; a fixed share of the contribution for 低保对象 is the national rule, 70% is taken (outside the document) |
> | param | 监测对象资助比例 | 2024-08-14 |  | 50% | % | policies/liuan/premiums.policy:12 | LIUAN-4 三、(二)4.落实资助参保政策 | LIUAN-4 gives no share; 50% for 防止返贫监测对象 is taken (outside the document) |
> | table | 住院起付线 |  | level 0 | 0元 | 元 | policies/modules/anhui-base/parameters.policy:7 | AH-BASIC 安徽城乡居民基本医保住院 (outside the documents) | typical 安徽 city resident-insurance values; no source document states them (township 200元, second grade 500元, third grade 1000元; a village clinic admits no inpatients) |
> |  |  |  | level 1 | 200元 |  |  |  |  |
> |  |  |  | level 2 | 500元 |  |  |  |  |
> |  |  |  | level 3 | 1000元 |  |  |  |  |
> | table | 住院报销比例 |  | level 0 | 0% | % | policies/modules/anhui-base/parameters.policy:14 | AH-BASIC 安徽城乡居民基本医保住院 (outside the documents) | typical 安徽 city resident-insurance values; no source document states them (level 0 admits no inpatients: 0%) |
> |  |  |  | level 1 | 85% |  |  |  |  |
> |  |  |  | level 2 | 80% |  |  |  |  |
> |  |  |  | level 3 | 70% |  |  |  |  |
> | param | 门诊慢特病报销比例 | 2024-08-14 |  | 70% | % | policies/modules/anhui-base/parameters.policy:21 | AH-CHRONIC 安徽城乡居民基本医保门诊慢特病 (outside the documents) | typical 安徽 city resident-insurance values; no source document states them (one ratio, no deductible) |
> | param | 大病保险起付线 | 2024-08-14 |  | 1.5万元 | 元 | policies/modules/anhui-base/parameters.policy:26 | AH-CI 安徽城乡居民大病保险 (outside the documents) | typical 安徽 city resident-insurance values; no source document states them |
> | bands | 大病保险分段 |  | from 0元 to 5万元 | 60% | % | policies/modules/anhui-base/parameters.policy:29 | AH-CI 安徽城乡居民大病保险 (outside the documents) | typical 安徽 city resident-insurance values; no source document states them |
> |  |  |  | from 5万元 to 10万元 | 70% |  |  |  |  |
> |  |  |  | from 10万元 | 80% |  |  |  |  |
> | param | 特困人员救助比例 | 2024-08-14 |  | 100% | % | policies/modules/anhui-base/parameters.policy:37 | AH-MA 安徽医疗救助 (outside the documents) | typical 安徽 medical-assistance ratio; no source document states it |
> | param | 低保对象救助比例 | 2024-08-14 |  | 70% | % | policies/modules/anhui-base/parameters.policy:39 | AH-MA 安徽医疗救助 (outside the documents) | typical 安徽 medical-assistance ratio; no source document states it |
> | param | 低保边缘救助比例 | 2024-08-14 |  | 60% | % | policies/modules/anhui-base/parameters.policy:41 | AH-MA 安徽医疗救助 (outside the documents) | typical 安徽 medical-assistance ratio; no source document states it |
> | param | 监测对象救助比例 | 2024-08-14 |  | 60% | % | policies/modules/anhui-base/parameters.policy:43 | AH-MA 安徽医疗救助 (outside the documents) | typical 安徽 medical-assistance ratio; no source document states it |
> | param | 刚性支出困难救助比例 | 2024-08-14 |  | 50% | % | policies/modules/anhui-base/parameters.policy:45 | AH-MA 安徽医疗救助 (outside the documents) | typical 安徽 medical-assistance ratio; no source document states it |
? 0

# A parameter dated twice shows both values without --date.
$ policy params policies/liuan --format csv
> kind,name,from,key,value,unit,source,cites,assumed
> param,分解住院间隔天数,2024-08-14,,15日,日,policies/liuan/audits.policy:5,,"LIUAN-10 gives no window for 分解住院; 15 days after the previous discharge for the same disease, local practice (outside the document)"
> param,省内市外报销比例降幅,2024-08-14,,10个百分点,个百分点,policies/liuan/parameters.policy:10,LIUAN-5 三、(二)5.规范医保待遇政策; reading D23,"the document refers to provincial/city reductions by category without quoting them; D23: −10 points outside the city, inside the province"
> param,省外报销比例降幅,2024-08-14,,20个百分点,个百分点,policies/liuan/parameters.policy:12,LIUAN-5 三、(二)5.规范医保待遇政策; reading D23,the document refers to provincial/city reductions by category without quoting them; D23: −20 points outside the province
> param,未转诊报销比例再降幅,2024-08-14,,10个百分点,个百分点,policies/liuan/parameters.policy:14,LIUAN-5 三、(二)5.规范医保待遇政策; reading D23; reading D6,"the document refers to provincial/city reductions by category without quoting them; D23: a further −10 points when unreferred (emergency counts as referred, D6)"
> param,市外未转诊不予救助,2024-08-14,,false,true/false,policies/liuan/parameters.policy:22,LIUAN-5 三、(二)5.规范医保待遇政策; reading D24,
> param,市外未转诊不予救助,2024-09-01,,true,true/false,policies/liuan/parameters.policy:22,LIUAN-5 三、(二)5.规范医保待遇政策; reading D24,
> set,罕见病,,,白血病,text,policies/liuan/parameters.policy:31,LIUAN-3 三、(一)3.实施分类救治,
> set,罕见病,,,血友病,text,policies/liuan/parameters.policy:31,LIUAN-3 三、(一)3.实施分类救治,
> set,维持治疗病种,,,重性精神病,text,policies/liuan/parameters.policy:35,LIUAN-3 三、(一)3.实施分类救治,the document names three diseases followed by 等; three common synonyms of the same treatments are added
> set,维持治疗病种,,,肿瘤放化疗,text,policies/liuan/parameters.policy:35,LIUAN-3 三、(一)3.实施分类救治,the document names three diseases followed by 等; three common synonyms of the same treatments are added
> set,维持治疗病种,,,终末期肾脏病,text,policies/liuan/parameters.policy:35,LIUAN-3 三、(一)3.实施分类救治,the document names three diseases followed by 等; three common synonyms of the same treatments are added
> set,维持治疗病种,,,终末期肾病,text,policies/liuan/parameters.policy:35,LIUAN-3 三、(一)3.实施分类救治,the document names three diseases followed by 等; three common synonyms of the same treatments are added
> set,维持治疗病种,,,尿毒症透析,text,policies/liuan/parameters.policy:35,LIUAN-3 三、(一)3.实施分类救治,the document names three diseases followed by 等; three common synonyms of the same treatments are added
> set,维持治疗病种,,,恶性肿瘤门诊放化疗,text,policies/liuan/parameters.policy:35,LIUAN-3 三、(一)3.实施分类救治,the document names three diseases followed by 等; three common synonyms of the same treatments are added
> param,居民医保个人缴费标准,2024-08-14,,400元,元,policies/liuan/premiums.policy:6,LIUAN-4 三、(二)4.落实资助参保政策,"LIUAN-4 states no amount; 400元 is the national minimum individual contribution of 2024, outside the document"
> param,特困人员资助比例,2024-08-14,,100%,%,policies/liuan/premiums.policy:8,LIUAN-4 三、(二)4.落实资助参保政策,LIUAN-4 gives no share; 特困人员 are subsidised in full by the national rule of 分类资助 (outside the document)
> param,低保对象资助比例,2024-08-14,,70%,%,policies/liuan/premiums.policy:10,LIUAN-4 三、(二)4.落实资助参保政策,"LIUAN-4 gives no share; a fixed share of the contribution for 低保对象 is the national rule, 70% is taken (outside the document)"
> param,监测对象资助比例,2024-08-14,,50%,%,policies/liuan/premiums.policy:12,LIUAN-4 三、(二)4.落实资助参保政策,LIUAN-4 gives no share; 50% for 防止返贫监测对象 is taken (outside the document)
> table,住院起付线,,level 0,0元,元,policies/modules/anhui-base/parameters.policy:7,AH-BASIC 安徽城乡居民基本医保住院 (outside the documents),"typical 安徽 city resident-insurance values; no source document states them (township 200元, second grade 500元, third grade 1000元; a village clinic admits no inpatients)"
> table,住院起付线,,level 1,200元,元,policies/modules/anhui-base/parameters.policy:7,AH-BASIC 安徽城乡居民基本医保住院 (outside the documents),"typical 安徽 city resident-insurance values; no source document states them (township 200元, second grade 500元, third grade 1000元; a village clinic admits no inpatients)"
> table,住院起付线,,level 2,500元,元,policies/modules/anhui-base/parameters.policy:7,AH-BASIC 安徽城乡居民基本医保住院 (outside the documents),"typical 安徽 city resident-insurance values; no source document states them (township 200元, second grade 500元, third grade 1000元; a village clinic admits no inpatients)"
> table,住院起付线,,level 3,1000元,元,policies/modules/anhui-base/parameters.policy:7,AH-BASIC 安徽城乡居民基本医保住院 (outside the documents),"typical 安徽 city resident-insurance values; no source document states them (township 200元, second grade 500元, third grade 1000元; a village clinic admits no inpatients)"
> table,住院报销比例,,level 0,0%,%,policies/modules/anhui-base/parameters.policy:14,AH-BASIC 安徽城乡居民基本医保住院 (outside the documents),typical 安徽 city resident-insurance values; no source document states them (level 0 admits no inpatients: 0%)
> table,住院报销比例,,level 1,85%,%,policies/modules/anhui-base/parameters.policy:14,AH-BASIC 安徽城乡居民基本医保住院 (outside the documents),typical 安徽 city resident-insurance values; no source document states them (level 0 admits no inpatients: 0%)
> table,住院报销比例,,level 2,80%,%,policies/modules/anhui-base/parameters.policy:14,AH-BASIC 安徽城乡居民基本医保住院 (outside the documents),typical 安徽 city resident-insurance values; no source document states them (level 0 admits no inpatients: 0%)
> table,住院报销比例,,level 3,70%,%,policies/modules/anhui-base/parameters.policy:14,AH-BASIC 安徽城乡居民基本医保住院 (outside the documents),typical 安徽 city resident-insurance values; no source document states them (level 0 admits no inpatients: 0%)
> param,门诊慢特病报销比例,2024-08-14,,70%,%,policies/modules/anhui-base/parameters.policy:21,AH-CHRONIC 安徽城乡居民基本医保门诊慢特病 (outside the documents),"typical 安徽 city resident-insurance values; no source document states them (one ratio, no deductible)"
> param,大病保险起付线,2024-08-14,,1.5万元,元,policies/modules/anhui-base/parameters.policy:26,AH-CI 安徽城乡居民大病保险 (outside the documents),typical 安徽 city resident-insurance values; no source document states them
> bands,大病保险分段,,from 0元 to 5万元,60%,%,policies/modules/anhui-base/parameters.policy:29,AH-CI 安徽城乡居民大病保险 (outside the documents),typical 安徽 city resident-insurance values; no source document states them
> bands,大病保险分段,,from 5万元 to 10万元,70%,%,policies/modules/anhui-base/parameters.policy:29,AH-CI 安徽城乡居民大病保险 (outside the documents),typical 安徽 city resident-insurance values; no source document states them
> bands,大病保险分段,,from 10万元,80%,%,policies/modules/anhui-base/parameters.policy:29,AH-CI 安徽城乡居民大病保险 (outside the documents),typical 安徽 city resident-insurance values; no source document states them
> param,特困人员救助比例,2024-08-14,,100%,%,policies/modules/anhui-base/parameters.policy:37,AH-MA 安徽医疗救助 (outside the documents),typical 安徽 medical-assistance ratio; no source document states it
> param,低保对象救助比例,2024-08-14,,70%,%,policies/modules/anhui-base/parameters.policy:39,AH-MA 安徽医疗救助 (outside the documents),typical 安徽 medical-assistance ratio; no source document states it
> param,低保边缘救助比例,2024-08-14,,60%,%,policies/modules/anhui-base/parameters.policy:41,AH-MA 安徽医疗救助 (outside the documents),typical 安徽 medical-assistance ratio; no source document states it
> param,监测对象救助比例,2024-08-14,,60%,%,policies/modules/anhui-base/parameters.policy:43,AH-MA 安徽医疗救助 (outside the documents),typical 安徽 medical-assistance ratio; no source document states it
> param,刚性支出困难救助比例,2024-08-14,,50%,%,policies/modules/anhui-base/parameters.policy:45,AH-MA 安徽医疗救助 (outside the documents),typical 安徽 medical-assistance ratio; no source document states it
? 0

$ policy params policies/liuan --date 2024-02-30
! policy: --date must be an existing date YYYY-MM-DD (got 2024-02-30)
? 2
