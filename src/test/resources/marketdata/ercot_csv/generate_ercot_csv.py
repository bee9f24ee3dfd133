import json,datetime
from zoneinfo import ZoneInfo
CT=ZoneInfo('America/Chicago'); UTC=datetime.timezone.utc
def day_hours(d):
    s=datetime.datetime(d.year,d.month,d.day,tzinfo=CT).astimezone(UTC)
    e=datetime.datetime(d.year,d.month,d.day,tzinfo=CT)+datetime.timedelta(days=1)
    e=e.astimezone(UTC)
    out=[];t=s
    while t<e:
        out.append(t); t+=datetime.timedelta(hours=1)
    return out
def he_labels(d):
    hs=day_hours(d)
    if len(hs)==24: labels=[(h,'N') for h in range(1,25)]
    elif len(hs)==25: labels=[(1,'N'),(2,'N'),(2,'Y')]+[(h,'N') for h in range(3,25)]
    else: labels=[(1,'N')]+[(h,'N') for h in range(3,25)]
    return [(s,)+l for s,l in zip(hs,labels)]
def load(f,m):
    d=json.load(open(f)); return {x['t']:x['price'] for x in d[m]}
for d,f,name in [(datetime.date(2023,11,5),'ercot_fluxcore/HB_WEST/2023-11.json','fallback'),(datetime.date(2023,3,12),'ercot_fluxcore/HB_WEST/2023-03.json','springforward')]:
    dam=load(f,'dam'); rtm=load(f,'rtm')
    lines=['Delivery Date,Hour Ending,Settlement Point,Settlement Point Price,DSTFlag']
    rt=['Delivery Date,Delivery Hour,Delivery Interval,Repeated Hour Flag,Settlement Point Name,Settlement Point Type,Settlement Point Price']
    for s,he,flag in he_labels(d):
        ms=int(s.timestamp()*1000)
        lines.append(f'{d:%m/%d/%Y},{he:02d}:00,HB_WEST,{dam[ms]:.2f},{flag}')
        for i in range(4):
            rt.append(f'{d:%m/%d/%Y},{he},{i+1},{flag},HB_WEST,HU,{rtm[ms+i*900000]:.2f}')
        print(name, s.isoformat(), he, flag, dam[ms], sum(rtm[ms+i*900000] for i in range(4))/4)
    open(f'ercot_csv/dam_hb_west_{d}_{name}.csv','w').write('\r\n'.join(lines)+'\r\n')
    open(f'ercot_csv/rtm_hb_west_{d}_{name}.csv','w').write('\n'.join(rt)+'\n')
d=datetime.date(2023,1,15)
w=load('ercot_fluxcore/HB_WEST/2023-01.json','dam'); n=load('ercot_fluxcore/HB_NORTH/2023-01.json','dam')
lines=['Delivery Date,Hour Ending,Settlement Point,Settlement Point Price,DSTFlag']
for sp,src in [('HB_NORTH',n),('HB_WEST',w)]:
    for s,he,flag in he_labels(d):
        lines.append(f'{d:%m/%d/%Y},{he:02d}:00,{sp},{src[int(s.timestamp()*1000)]:.2f},{flag}')
open('ercot_csv/dam_two_hubs_2023-01-15.csv','w').write('\n'.join(lines)+'\n')
print(lines[1],lines[25],lines[-1])
